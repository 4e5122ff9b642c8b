//! Dead-store elimination inside one block (`opt_deadstores`).
//!
//! A definition of an atom (A, X or a scratch word) that is redefined later
//! in the block before anything reads it becomes a NOP; so does the block's
//! last definition of an atom that is not live on exit. The branch at the
//! end counts as a reader.
//!
//! What it does not do, on purpose: when it deletes `st M[k]` it leaves the
//! value numbering believing M[k] holds the stored value. libpcap 1.10.3
//! behaves the same way (libpcap#437 and friends, fixed in 1.10.5), and later
//! passes can then rewrite a load of M[k] into the constant that is no
//! longer stored; we keep that miscompilation.
//!
//! One scan over the statements, so it terminates.

use super::analysis::{AX_ATOM, atom_bit, atomdef, atomuse};
use super::{A_ATOM, N_ATOMS, Opt, X_ATOM};
use crate::ir::Stmt;

impl Opt {
    /// `opt_deadstores`.
    pub(crate) fn opt_deadstores(&mut self, b: u32) {
        let bi = b as usize;
        let out_use = self.out_use[bi];
        let node = &mut self.g[bi];
        let mut last: [Option<usize>; N_ATOMS] = [None; N_ATOMS];
        let mut changed = false;
        let clear_uses = |last: &mut [Option<usize>; N_ATOMS], atom: i32| {
            if atom == AX_ATOM {
                last[X_ATOM] = None;
                last[A_ATOM] = None;
            } else if (0..N_ATOMS as i32).contains(&atom) {
                last[atom as usize] = None;
            }
        };
        for i in 0..node.stmts.len() {
            let s = node.stmts[i];
            clear_uses(&mut last, atomuse(s.code, s.k));
            let d = atomdef(s.code, s.k);
            if (0..N_ATOMS as i32).contains(&d) {
                if let Some(prev) = last[d as usize] {
                    node.stmts[prev].code = Stmt::NOP_CODE;
                    changed = true;
                }
                last[d as usize] = Some(i);
            }
        }
        clear_uses(&mut last, atomuse(node.code, node.k));
        for (atom, l) in last.iter().enumerate() {
            if let Some(i) = *l
                && out_use & atom_bit(atom as i32) == 0
            {
                node.stmts[i].code = Stmt::NOP_CODE;
                changed = true;
            }
        }
        if changed {
            self.changed();
        }
    }
}
