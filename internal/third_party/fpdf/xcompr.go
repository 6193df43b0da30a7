// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"sync"

	kpflate "github.com/klauspost/compress/flate"
)

var xmem = xmempool{
	Pool: sync.Pool{
		New: func() any {
			var m membuffer
			return &m
		},
	},
}

type xmempool struct{ sync.Pool }

func (pool *xmempool) compress(data []byte) *membuffer {
	mem := pool.Get().(*membuffer)
	buf := &mem.buf
	buf.Grow(len(data))

	// bhytdoc: reuse pooled zlib writers (Reset) instead of allocating a
	// new ~1.2 MB compressor for every stream, and use klauspost/compress's
	// zlib (same format, about 3x faster at BestSpeed) unless a test asks
	// for the standard library's (stdlibDeflate) to compare with stock.
	writers := &kpWriters
	if stdlibDeflate {
		writers = &zlibWriters
	}
	zw := writers.Get().(zlibWriter)
	zw.Reset(buf)
	_, err := zw.Write(data)
	if err != nil {
		panic(fmt.Errorf("could not zlib-compress slice: %w", err))
	}

	err = zw.Close()
	if err != nil {
		panic(fmt.Errorf("could not close zlib writer: %w", err))
	}
	zw.Reset(io.Discard) // bhytdoc: drop the reference to buf before pooling
	writers.Put(zw)
	return mem
}

// bhytdoc: stdlibDeflate makes xmempool.compress use compress/zlib, as
// stock fpdf does; tests set it to compare output with stock byte for byte.
var stdlibDeflate = false

// bhytdoc: zlibWriter is what compress needs from either zlib package.
type zlibWriter interface {
	io.WriteCloser
	Reset(io.Writer)
}

// bhytdoc: pools of BestSpeed zlib writers used by xmempool.compress.
var (
	zlibWriters = slotPool{pool: sync.Pool{ // bhytdoc: slotPool (compact.go)
		New: func() any {
			zw, err := zlib.NewWriterLevel(io.Discard, zlib.BestSpeed)
			if err != nil {
				panic(fmt.Errorf("could not create zlib writer: %w", err))
			}
			return zw
		},
	}}
	kpWriters = slotPool{pool: sync.Pool{
		New: func() any { return newZlibFramer(kpflate.BestSpeed) }, // bhytdoc: compact.go
	}}
)

func (pool *xmempool) uncompress(data []byte) (*membuffer, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}

	mem := pool.Get().(*membuffer)
	mem.buf.Reset()

	_, err = mem.buf.ReadFrom(zr)
	if err != nil {
		mem.release()
		return nil, err
	}

	return mem, nil
}

type membuffer struct {
	buf bytes.Buffer
}

func (mem *membuffer) bytes() []byte { return mem.buf.Bytes() }
func (mem *membuffer) release() {
	mem.buf.Reset()
	xmem.Put(mem)
}

func (mem *membuffer) copy() []byte {
	src := mem.bytes()
	dst := make([]byte, len(src))
	copy(dst, src)
	return dst
}
