//! Rendering of diagnostics for people, with ariadne: syntax errors now, traceback frames
//! later. Owns presentation only; what the error *is* comes from `syntax::error`.
