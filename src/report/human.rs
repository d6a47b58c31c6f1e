//! Human-readable reports.
