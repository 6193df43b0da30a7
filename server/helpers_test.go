package server

import "os"

var osOpen = os.Open
