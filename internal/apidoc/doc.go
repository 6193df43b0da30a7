// Package apidoc holds the repository's guards on its public API: tests
// that every exported name of the public packages is documented, that no
// doc comment names an identifier that does not exist, and that
// a program outside the module can import the library and run the
// README's tour. It has no code of its own.
package apidoc
