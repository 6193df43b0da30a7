package gcstart

// mainStack is the stack the main goroutine starts main with. A cold
// `bhytdoc render` of a letter never grows it further (callgrind shows no
// stack copy); 512 kB, sized when excelize's initialisation ran in every
// command, cost 64 more page faults and zeroing than it saved. A command
// that needs more grows it on demand, copying a shallow stack once.
const mainStack = 128 << 10

// growMainStack grows the stack of the goroutine that runs the package
// initialisers and then main to mainStack in one step, while it is still
// shallow. Grown on demand, it doubled five times from 4 kB, each time
// copying and re-walking every frame of a deep stack (regexp compilers,
// the PDF writer): 3–4% of a cold `bhytdoc render`. Nothing is touched
// beyond the frame of growMainStack itself; the stack shrinks back at a
// garbage collection if it is not used.
//
// The frame is two arrays because a local variable over 128 kB would move
// to the heap.
//
//go:noinline
func growMainStack() {
	var a, b [mainStack / 4]byte
	touch(&a, &b) // a call the compiler must make, with both arrays
}

// touch keeps both arrays of growMainStack's frame alive at once.
//
//go:noinline
func touch(a, b *[mainStack / 4]byte) byte { return a[len(a)-1] ^ b[0] }
