pub mod human;
