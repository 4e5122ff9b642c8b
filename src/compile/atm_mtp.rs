//! SunATM and SS7 primitives: `vpi`/`vci` comparisons and the ATM
//! abbreviations (`lane`, `metac`, `oam`, `connectmsg`, ...), and the MTP2
//! signal-unit types and MTP3 fields (`sio`, `opc`, `dpc`, `sls` and their
//! high-speed-link `h` forms). Relations here go through `gen_ncmp`, whose
//! "reverse" flag only applies to `>`/`>=`: libpcap 1.10.3 compiles
//! `vpi != 1` as `vpi = 1`, and so do we.

use super::*;
use crate::syntax::ast::{FieldValue, RelOp};

/// Which field a value list applies to.
#[derive(Clone, Copy)]
enum Field {
    Vpi,
    Vci,
    Mtp3 { name: char, high: bool },
}

fn relop_code(op: RelOp) -> (u16, bool) {
    match op {
        RelOp::Gt => (JGT, false),
        RelOp::Ge => (JGE, false),
        RelOp::Eq => (JEQ, false),
        RelOp::Le => (JGT, true),
        RelOp::Lt => (JGE, true),
        RelOp::Ne => (JEQ, true),
    }
}

impl Gen<'_> {
    fn field_code(&mut self, f: Field, v: u32, jtype: u16, rev: bool) -> R<Bx> {
        match f {
            Field::Vpi => {
                if !self.is_atm {
                    return err("'vpi' supported only on raw ATM");
                }
                let off = self.off_vpi;
                self.ncmp(OffRel::LinkHdr, off, B, 0xffff_ffff, jtype, rev, v)
            }
            Field::Vci => {
                if !self.is_atm {
                    return err("'vci' supported only on raw ATM");
                }
                let off = self.off_vci;
                self.ncmp(OffRel::LinkHdr, off, H, 0xffff_ffff, jtype, rev, v)
            }
            Field::Mtp3 { name, high } => {
                let add = if high { 3 } else { 0 };
                match name {
                    's' => {
                        if self.off_sio == NOT_SET {
                            return err("'sio' supported only on SS7");
                        }
                        if v > 255 {
                            return err(format!("sio value {v} too big; max value = 255"));
                        }
                        let off = self.off_sio + add;
                        self.ncmp(OffRel::Packet, off, B, 0xffff_ffff, jtype, rev, v)
                    }
                    'o' => {
                        if self.off_opc == NOT_SET {
                            return err("'opc' supported only on SS7");
                        }
                        if v > 16383 {
                            return err(format!("opc value {v} too big; max value = 16383"));
                        }
                        let j = ((v & 0x3c00) >> 10) + ((v & 0x3fc) << 6) + ((v & 0x3) << 22);
                        let off = self.off_opc + add;
                        self.ncmp(OffRel::Packet, off, W, 0x00c0_ff0f, jtype, rev, j)
                    }
                    'd' => {
                        if self.off_dpc == NOT_SET {
                            return err("'dpc' supported only on SS7");
                        }
                        if v > 16383 {
                            return err(format!("dpc value {v} too big; max value = 16383"));
                        }
                        let j = ((v & 0xff) << 24) + ((v & 0x3f00) << 8);
                        let off = self.off_dpc + add;
                        self.ncmp(OffRel::Packet, off, W, 0xff3f_0000, jtype, rev, j)
                    }
                    _ => {
                        if self.off_sls == NOT_SET {
                            return err("'sls' supported only on SS7");
                        }
                        if v > 15 {
                            return err(format!("sls value {v} too big; max value = 15"));
                        }
                        let off = self.off_sls + add;
                        self.ncmp(OffRel::Packet, off, B, 0xf0, jtype, rev, v << 4)
                    }
                }
            }
        }
    }

    fn field_value(&mut self, f: Field, v: &FieldValue) -> R<Bx> {
        match v {
            FieldValue::Eq(n) => self.field_code(f, *n, JEQ, false),
            FieldValue::Rel(op, n) => {
                let (j, r) = relop_code(*op);
                self.field_code(f, *n, j, r)
            }
            FieldValue::List(items) => {
                let mut acc: Option<Bx> = None;
                for (conn, item) in items {
                    let b = self.field_value(f, item)?;
                    acc = Some(match (acc, conn) {
                        (None, _) => b,
                        (Some(a), Some(true)) => self.and(a, b),
                        (Some(a), _) => self.or(a, b),
                    });
                }
                match acc {
                    Some(b) => Ok(b),
                    None => err(SYNTAX_ERROR),
                }
            }
        }
    }

    /// `vpi V` / `vci V`.
    pub(super) fn gen_atm_field(&mut self, name: &str, v: &FieldValue) -> R<Bx> {
        let f = if name == "vpi" { Field::Vpi } else { Field::Vci };
        self.field_value(f, v)
    }

    /// `sio`/`opc`/`dpc`/`sls` and the `h` forms.
    pub(super) fn gen_mtp3_field(&mut self, name: &str, v: &FieldValue) -> R<Bx> {
        let high = name.starts_with('h');
        let base = if high { &name[1..] } else { name };
        let c = match base {
            "sio" => 's',
            "opc" => 'o',
            "dpc" => 'd',
            _ => 'l',
        };
        self.field_value(Field::Mtp3 { name: c, high }, v)
    }

    fn vpi_vci(&mut self, vpi: u32, vci: u32) -> R<Bx> {
        let b0 = self.field_code(Field::Vpi, vpi, JEQ, false)?;
        let b1 = self.field_code(Field::Vci, vci, JEQ, false)?;
        Ok(self.and(b0, b1))
    }

    fn atm_msg(&mut self, t: u32) -> R<Bx> {
        let off = self.off_payload + 5;
        self.ncmp(OffRel::LinkHdr, off, B, 0xffff_ffff, JEQ, false, t)
    }

    /// The ATM abbreviations.
    pub(super) fn gen_atm_type(&mut self, kw: &str) -> R<Bx> {
        if !self.is_atm {
            return err(format!("'{kw}' supported only on raw ATM"));
        }
        match kw {
            "metac" => self.vpi_vci(0, 1),
            "bcc" => self.vpi_vci(0, 2),
            "oamf4sc" => self.vpi_vci(0, 3),
            "oamf4ec" => self.vpi_vci(0, 4),
            "sc" => self.vpi_vci(0, 5),
            "ilmic" => self.vpi_vci(0, 16),
            "oam" | "oamf4" => {
                let b0 = self.field_code(Field::Vci, 3, JEQ, false)?;
                let b1 = self.field_code(Field::Vci, 4, JEQ, false)?;
                let b1 = self.or(b0, b1);
                let b0 = self.field_code(Field::Vpi, 0, JEQ, false)?;
                Ok(self.and(b0, b1))
            }
            "lane" => {
                let off = self.off_proto;
                let b1 = self.ncmp(OffRel::LinkHdr, off, B, 0x0f, JEQ, false, 1)?;
                self.is_lane = true;
                self.prevlinktype = Some(self.linktype);
                self.off_prevlinkhdr = self.off_linkhdr;
                self.linktype = Dlt::EN10MB;
                self.off_linkhdr = AbsOff::fixed(self.off_payload + 2);
                self.is_geneve = false;
                self.off_linktype = AbsOff::fixed(self.off_linkhdr.constant + 12);
                self.off_linkpl = AbsOff::fixed(self.off_linkhdr.constant + 14);
                self.off_nl = 0;
                self.off_nl_nosnap = 3;
                Ok(b1)
            }
            "connectmsg" | "metaconnect" => {
                let b0 = self.atm_msg(0x05)?;
                let b1 = self.atm_msg(0x02)?;
                let mut b1 = self.or(b0, b1);
                let more: &[u32] = if kw == "connectmsg" {
                    &[0x07, 0x0f, 0x4d, 0x5a]
                } else {
                    &[0x07, 0x4d, 0x5a]
                };
                for &t in more {
                    let b0 = self.atm_msg(t)?;
                    b1 = self.or(b0, b1);
                }
                let b0 = if kw == "connectmsg" { self.vpi_vci(0, 5)? } else { self.vpi_vci(0, 1)? };
                Ok(self.and(b0, b1))
            }
            _ => err(SYNTAX_ERROR),
        }
    }

    /// MTP2 signal-unit types.
    pub(super) fn gen_mtp2_type(&mut self, kw: &str) -> R<Bx> {
        let kw = if kw == "lsu" { "lssu" } else { kw };
        let high = kw.starts_with('h');
        let ok = matches!(self.linktype, Dlt::MTP2 | Dlt::MTP2_WITH_PHDR | Dlt::ERF);
        if !ok {
            return err(if high {
                format!("'{kw}' supported only on MTP2_HSL")
            } else {
                format!("'{kw}' supported only on MTP2")
            });
        }
        let (li, size, mask, lim) =
            if high { (self.off_li_hsl, H, 0xff80, 0x0100) } else { (self.off_li, B, 0x3f, 2) };
        match kw.trim_start_matches('h') {
            "fisu" => self.ncmp(OffRel::Packet, li, size, mask, JEQ, false, 0),
            "lssu" => {
                let b0 = self.ncmp(OffRel::Packet, li, size, mask, JGT, true, lim)?;
                let b1 = self.ncmp(OffRel::Packet, li, size, mask, JGT, false, 0)?;
                Ok(self.and(b1, b0))
            }
            _ => self.ncmp(OffRel::Packet, li, size, mask, JGT, false, lim),
        }
    }
}
