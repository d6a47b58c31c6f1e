//! The trust model: X.509 paths to user-chosen anchors, and the verdict.

pub mod verdict;
pub mod x509;
