// Package licenses holds the test that every module bhytdoc builds with
// carries a license on the allowed list, read from the module cache, and
// is listed in the README's license table. It has no code of its own.
package licenses
