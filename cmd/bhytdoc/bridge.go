package main

import (
	"github.com/bhytdoc/bhytdoc/bhytdoc"
	"github.com/bhytdoc/bhytdoc/internal/bridge"
)

// checkPDF reports what RenderPDF would refuse without laying the
// document out; bhytdoc lends it through internal/bridge.
var checkPDF = bridge.CheckPDF.(func(*bhytdoc.Document, *bhytdoc.Options) error)
