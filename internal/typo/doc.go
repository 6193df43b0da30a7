// Package typo provides the Vietnamese typography rules used when rendering
// administrative documents under Decree 30/2020/NĐ-CP: Unicode cleaning,
// tone-mark placement, number and date formatting, upper-casing, Roman
// numerals, lettered points and Vietnamese collation.
//
// The package has no mutable global state and every exported function is
// safe for concurrent use. The x/text casers and collators it relies on are
// not, so they are drawn from sync.Pools rather than shared.
package typo
