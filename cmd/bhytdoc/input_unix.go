//go:build unix

package main

import "syscall"

// oNonblock keeps opening a FIFO from blocking.
const oNonblock = syscall.O_NONBLOCK
