#!/usr/bin/env bash
# Classifies filter expressions with the reference tcpdump (4.99.3 / libpcap
# 1.10.3) by whether they fail in libpcap's scanner or parser.
#
# Input (stdin): lines "DLT<TAB>SNAPLEN<TAB>EXPR" (the corpus format) or
# "EXPR" alone (Ethernet). Output (stdout): "CLASS<TAB>DLT<TAB>EXPR" where
# CLASS is one of
#   ok        parsed (it may still fail in code generation: that is not a
#             parse error, e.g. "unknown host", "syntax error in filter
#             expression" from Q_UNDEF)
#   syntax    can't parse filter expression: syntax error
#   deep      can't parse filter expression: memory exhausted
#   nonoctal  number N contains non-octal digit
#   overflow  number N overflows 32 bits
#   bogus6    bogus IPv6 address N
#   bogusmac  bogus ethernet address N
#
# With SKIP_SEMANTIC=1 set, expressions for which tcpdump reports any other
# error (from code generation) are left out: libpcap raises those while it
# is still parsing, so they can hide a later syntax error.
#
# Usage:
#   tail -n +2 /work/shared/corpus/libpcap-accept.tsv \
#     | scripts/gen_parse_parity.sh > tests/data/parse-parity.tsv
#   scripts/gen_parse_parity.sh < tests/data/parse-tricky.in > tests/data/parse-tricky.tsv
set -u
while IFS= read -r line; do
    case "$line" in
    *$'\t'*$'\t'*)
        dlt=${line%%$'\t'*}
        rest=${line#*$'\t'}
        expr=${rest#*$'\t'}
        ;;
    *)
        dlt=EN10MB
        expr=$line
        ;;
    esac
    # -O skips the optimizer: parse errors do not depend on it.
    err=$(timeout 60 tcpdump -y "$dlt" -O -d -- "$expr" 2>&1 >/dev/null | grep -v '^Warning:' | head -n 1)
    case "$err" in
    *"can't parse filter expression: syntax error"*) class=syntax ;;
    *"memory exhausted"*) class=deep ;;
    *"contains non-octal digit"*) class=nonoctal ;;
    *"overflows 32 bits"*) class=overflow ;;
    *"bogus IPv6 address"*) class=bogus6 ;;
    *"bogus ethernet address"*) class=bogusmac ;;
    *) class=ok ;;
    esac
    if [ "$class" = ok ] && [ -n "$err" ] && [ -n "${SKIP_SEMANTIC:-}" ]; then
        continue
    fi
    printf '%s\t%s\t%s\n' "$class" "$dlt" "$expr"
done
