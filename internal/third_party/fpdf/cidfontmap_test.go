// bhytdoc: this whole file is a bhytdoc addition (see README.md, patch 22).
// It keeps stock's /W algorithm, on stock's imitation of PHP arrays, to
// check generateCIDFontMap against it.

package fpdf

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"testing"
)

// TestCIDFontMapLikeStock checks that generateCIDFontMap writes the /W
// array that stock's algorithm writes, on random width tables made of
// few distinct widths (so that runs of equal widths, the ranges stock
// marks "interval" and joins or not, are frequent) and random used runes.
func TestCIDFontMapLikeStock(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	widths := []int{0, 0, 65535, 250, 250, 333, 500, 500, 500, 722}
	f := &Fpdf{}
	for i := range 5000 {
		n := 2 + rng.IntN(600)
		cw := make([]int, n+rng.IntN(4))
		for c := range cw {
			cw[c] = widths[rng.IntN(len(widths))]
		}
		used := map[int]int{}
		for c := range n {
			if rng.IntN(3) > 0 {
				used[c] = c
			} else if rng.IntN(4) == 0 {
				used[c] = 0
			}
		}
		font := &fontDefType{Cw: cw, usedRunes: used}
		last := rng.IntN(n)
		got, want := f.generateCIDFontMap(font, last), generateCIDFontMapStock(font, last)
		if got != want {
			t.Fatalf("case %d (%d CIDs): got\n%s\nwant\n%s", i, last+1, got, want)
		}
	}
}

// generateCIDFontMapStock is generateCIDFontMap as it was before patch 22:
// stock's algorithm on its PHP-array imitation (untypedKeyMap), with the
// earlier patches' speed-ups. The test compares the two.
func generateCIDFontMapStock(font *fontDefType, LastRune int) string {
	rangeID := 0
	cidArray := make(map[int]*untypedKeyMap)
	cidArrayKeys := make([]int, 0)
	prevCid := -2
	prevWidth := -1
	interval := false
	startCid := 1
	cwLen := LastRune + 1

	// bhytdoc: stock visited every CID up to LastRune and skipped those
	// above 255 that the document does not use. Visiting CIDs 1..255 and
	// then the used runes above 255, in increasing order, visits the same
	// CIDs without reading the width table's untouched pages (a page
	// fault each) or testing thousands of CIDs per font.
	cids := make([]int, 0, 255+len(font.usedRunes))
	for cid := startCid; cid < min(cwLen, 256); cid++ {
		cids = append(cids, cid)
	}
	high := len(cids)
	for r, numb := range font.usedRunes {
		if r > 255 && r < cwLen && numb != 0 {
			cids = append(cids, r)
		}
	}
	sort.Ints(cids[high:])

	// for each character
	for _, cid := range cids {
		if font.Cw[cid] == 0x00 {
			continue
		}
		width := font.Cw[cid]
		if width == 65535 {
			width = 0
		}

		if cid == prevCid+1 {
			if width == prevWidth {

				if width == cidArray[rangeID].get(0) {
					cidArray[rangeID].put(nil, width)
				} else {
					cidArray[rangeID].pop()
					rangeID = prevCid
					r := untypedKeyMap{
						valueSet: make([]int, 0),
						keySet:   make([]any, 0),
					}
					cidArray[rangeID] = &r
					cidArrayKeys = append(cidArrayKeys, rangeID)
					cidArray[rangeID].put(nil, prevWidth)
					cidArray[rangeID].put(nil, width)
				}
				interval = true
				cidArray[rangeID].put("interval", 1)
			} else {
				if interval {
					// new range
					rangeID = cid
					r := untypedKeyMap{
						valueSet: make([]int, 0),
						keySet:   make([]any, 0),
					}
					cidArray[rangeID] = &r
					cidArrayKeys = append(cidArrayKeys, rangeID)
					cidArray[rangeID].put(nil, width)
				} else {
					cidArray[rangeID].put(nil, width)
				}
				interval = false
			}
		} else {
			rangeID = cid
			r := untypedKeyMap{
				valueSet: make([]int, 0),
				keySet:   make([]any, 0),
			}
			cidArray[rangeID] = &r
			cidArrayKeys = append(cidArrayKeys, rangeID)
			cidArray[rangeID].put(nil, width)
			interval = false
		}
		prevCid = cid
		prevWidth = width

	}
	previousKey := -1
	nextKey := -1
	isInterval := false
	for g := 0; g < len(cidArrayKeys); {
		key := cidArrayKeys[g]
		ws := *cidArray[key]
		cws := len(ws.keySet)
		if (key == nextKey) && (!isInterval) && (ws.getIndex("interval") < 0 || cws < 4) {
			if cidArray[key].getIndex("interval") >= 0 {
				cidArray[key].delete("interval")
			}
			cidArray[previousKey] = arrayMerge(cidArray[previousKey], cidArray[key])
			cidArrayKeys = remove(cidArrayKeys, key)
		} else {
			g++
			previousKey = key
		}
		nextKey = key + cws
		// ui := ws.getIndex("interval")
		// ui = ui + 1
		if ws.getIndex("interval") >= 0 {
			if cws > 3 {
				isInterval = true
			} else {
				isInterval = false
			}
			cidArray[key].delete("interval")
			nextKey--
		} else {
			isInterval = false
		}
	}
	// bhytdoc: strconv appends instead of fmt (same output).
	w := []byte("/W [")
	for _, k := range cidArrayKeys {
		ws := cidArray[k]
		if allEqual(ws.valueSet) { // bhytdoc: was len(arrayCountValues(ws.valueSet)) == 1
			// " %d %d %d"
			w = append(w, ' ')
			w = strconv.AppendInt(w, int64(k), 10)
			w = append(w, ' ')
			w = strconv.AppendInt(w, int64(k+len(ws.valueSet)-1), 10)
			w = append(w, ' ')
			w = strconv.AppendInt(w, int64(ws.get(0)), 10)
		} else {
			// " %d [ %s ]\n"
			w = append(w, ' ')
			w = strconv.AppendInt(w, int64(k), 10)
			w = append(w, " [ "...)
			w = append(w, implode(" ", ws.valueSet)...)
			w = append(w, " ]\n"...)
		}
	}
	w = append(w, " ]"...)
	return string(w)
}

// The untypedKeyMap structure and its methods are copyrighted 2019 by Arteom Korotkiy (Gmail: arteomkorotkiy).
// Imitation of untyped Map Array
type untypedKeyMap struct {
	keySet   []any
	valueSet []int
	// bhytdoc: when > 0, the int keys are exactly 0..nextInt-1, so that
	// put(nil, v) need not look at every key (denseIntKeys) to find the
	// next one; 0 means not known.
	nextInt int
}

// Get position of key=>value in PHP Array
func (pa *untypedKeyMap) getIndex(key any) int {
	if key != nil {
		for i, mKey := range pa.keySet {
			if mKey == key {
				return i
			}
		}
		return -1
	}
	return -1
}

// Put key=>value in PHP Array
func (pa *untypedKeyMap) put(key any, value int) {
	if key == nil {
		// bhytdoc: fast path for the usual case where the int keys are
		// exactly 0..k-1: the smallest unused int key is then k. This turns
		// the stock O(n²)-per-put search (O(n³) per range in
		// generateCIDFontMap) into O(n); the result is identical.
		k, ok := pa.nextInt, pa.nextInt > 0
		if !ok {
			k, ok = pa.denseIntKeys()
		}
		if ok {
			pa.keySet = append(pa.keySet, k)
			pa.valueSet = append(pa.valueSet, value)
			pa.nextInt = k + 1
			return
		}
		var i int
		for n := 0; ; n++ {
			i = pa.getIndex(n)
			if i < 0 {
				key = n
				break
			}
		}
		pa.keySet = append(pa.keySet, key)
		pa.valueSet = append(pa.valueSet, value)
	} else {
		if _, isInt := key.(int); isInt {
			pa.nextInt = 0 // bhytdoc: see nextInt
		}
		i := pa.getIndex(key)
		if i < 0 {
			pa.keySet = append(pa.keySet, key)
			pa.valueSet = append(pa.valueSet, value)
		} else {
			pa.valueSet[i] = value
		}
	}
}

// bhytdoc: denseIntKeys reports whether the int keys of pa are exactly
// 0..k-1 (keys are unique), and returns k.
func (pa *untypedKeyMap) denseIntKeys() (k int, ok bool) {
	maxKey := -1
	for _, key := range pa.keySet {
		n, isInt := key.(int)
		if !isInt {
			continue
		}
		if n < 0 {
			return 0, false
		}
		k++
		maxKey = max(maxKey, n)
	}
	return k, maxKey == k-1
}

// Delete value in PHP Array
func (pa *untypedKeyMap) delete(key any) {
	if pa == nil || pa.keySet == nil || pa.valueSet == nil {
		return
	}
	if _, isInt := key.(int); isInt {
		pa.nextInt = 0 // bhytdoc: see nextInt
	}
	i := pa.getIndex(key)
	if i >= 0 {
		if i == 0 {
			pa.keySet = pa.keySet[1:]
			pa.valueSet = pa.valueSet[1:]
		} else if i == len(pa.keySet)-1 {
			pa.keySet = pa.keySet[:len(pa.keySet)-1]
			pa.valueSet = pa.valueSet[:len(pa.valueSet)-1]
		} else {
			pa.keySet = append(pa.keySet[:i], pa.keySet[i+1:]...)
			pa.valueSet = append(pa.valueSet[:i], pa.valueSet[i+1:]...)
		}
	}
}

// Get value from PHP Array
func (pa *untypedKeyMap) get(key any) int {
	i := pa.getIndex(key)
	if i >= 0 {
		return pa.valueSet[i]
	}
	return 0
}

// Imitation of PHP function pop()
func (pa *untypedKeyMap) pop() {
	pa.nextInt = 0 // bhytdoc: see nextInt
	pa.keySet = pa.keySet[:len(pa.keySet)-1]
	pa.valueSet = pa.valueSet[:len(pa.valueSet)-1]
}

// Imitation of PHP function array_merge()
func arrayMerge(arr1, arr2 *untypedKeyMap) *untypedKeyMap {
	answer := untypedKeyMap{}
	if arr1 == nil && arr2 == nil {
		answer = untypedKeyMap{
			keySet:   make([]any, 0),
			valueSet: make([]int, 0),
		}
	} else if arr2 == nil {
		answer.keySet = arr1.keySet[:]
		answer.valueSet = arr1.valueSet[:]
	} else if arr1 == nil {
		answer.keySet = arr2.keySet[:]
		answer.valueSet = arr2.valueSet[:]
	} else {
		answer.keySet = arr1.keySet[:]
		answer.valueSet = arr1.valueSet[:]
		for i := 0; i < len(arr2.keySet); i++ {
			if arr2.keySet[i] == "interval" {
				if arr1.getIndex("interval") < 0 {
					answer.put("interval", arr2.valueSet[i])
				}
			} else {
				answer.put(nil, arr2.valueSet[i])
			}
		}
	}
	return &answer
}

// remove is stock's removal of a key from the key list.
func remove(arr []int, key int) []int {
	n := 0
	for i, mKey := range arr {
		if mKey == key {
			n = i
		}
	}
	if n == 0 {
		return arr[1:]
	} else if n == len(arr)-1 {
		return arr[:len(arr)-1]
	}
	return append(arr[:n], arr[n+1:]...)
}
