package attestation

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxDepth bounds the nesting Canonicalize accepts, so a hostile document
// cannot exhaust the stack.
const maxDepth = 64

// Canonicalize returns the RFC 8785 (JSON Canonicalization Scheme) bytes of
// v: UTF-8, object members sorted by the UTF-16 code units of their names,
// no insignificant whitespace, strings escaped only where JSON requires it
// (no \u escapes for <, >, &, U+2028 or U+2029, unlike encoding/json), and
// numbers in the ECMAScript Number serialisation (1e+30, 0.002, 4.5).
//
// v may be any value encoding/json can marshal (a struct, a map, a slice,
// json.RawMessage); it is marshalled, parsed back and written canonically.
// Duplicate member names, invalid UTF-8, lone surrogates, NaN and
// infinities are errors: RFC 8785 has no canonical form for them.
func Canonicalize(v any) ([]byte, error) {
	var data []byte
	switch x := v.(type) {
	case json.RawMessage:
		data = x
	default:
		var err error
		if data, err = json.Marshal(v); err != nil {
			return nil, fmt.Errorf("attestation: canonicalize: %w", err)
		}
	}
	return CanonicalizeJSON(data)
}

// CanonicalizeJSON returns the RFC 8785 bytes of the JSON document data.
func CanonicalizeJSON(data []byte) ([]byte, error) {
	val, err := parseJSON(data)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(len(data))
	if err := writeCanonical(&b, val); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// member is one name/value pair of a parsed object, in document order.
type member struct {
	name string
	val  any
}

// parseJSON decodes data into nil, bool, string, json.Number, []any and
// []member (objects keep their members so duplicates can be refused), with
// exactly one top-level value.
func parseJSON(data []byte) (any, error) {
	if !utf8.Valid(data) {
		return nil, errors.New("attestation: JSON is not valid UTF-8")
	}
	// encoding/json silently turns a lone surrogate escape into U+FFFD,
	// which would canonicalize a different string than the one signed.
	if err := checkSurrogates(data); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	val, err := parseValue(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("attestation: JSON has data after the top-level value")
	}
	return val, nil
}

// checkSurrogates refuses a \uD800-\uDFFF escape that is not a high
// surrogate followed by a low one. Backslashes occur only inside strings,
// so a scan of the raw bytes is exact.
func checkSurrogates(data []byte) error {
	hex4 := func(i int) (rune, bool) {
		if i+6 > len(data) || data[i] != '\\' || data[i+1] != 'u' {
			return 0, false
		}
		n, err := strconv.ParseUint(string(data[i+2:i+6]), 16, 16)
		return rune(n), err == nil
	}
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' {
			continue
		}
		r, ok := hex4(i)
		if !ok {
			i++ // a two-character escape such as \\ or \n
			continue
		}
		switch {
		case r >= 0xD800 && r <= 0xDBFF:
			if lo, ok := hex4(i + 6); !ok || lo < 0xDC00 || lo > 0xDFFF {
				return errors.New("attestation: JSON string holds a lone surrogate")
			}
			i += 11
		case r >= 0xDC00 && r <= 0xDFFF:
			return errors.New("attestation: JSON string holds a lone surrogate")
		default:
			i += 5
		}
	}
	return nil
}

func parseValue(dec *json.Decoder, depth int) (any, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("attestation: JSON nested deeper than %d", maxDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("attestation: invalid JSON: %w", err)
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			var obj []member
			seen := map[string]bool{}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, fmt.Errorf("attestation: invalid JSON: %w", err)
				}
				name, _ := k.(string)
				if seen[name] {
					return nil, fmt.Errorf("attestation: duplicate member name %q", name)
				}
				seen[name] = true
				v, err := parseValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				obj = append(obj, member{name, v})
			}
			if _, err := dec.Token(); err != nil {
				return nil, fmt.Errorf("attestation: invalid JSON: %w", err)
			}
			if obj == nil {
				obj = []member{}
			}
			return obj, nil
		case '[':
			arr := []any{}
			for dec.More() {
				v, err := parseValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, fmt.Errorf("attestation: invalid JSON: %w", err)
			}
			return arr, nil
		}
		return nil, fmt.Errorf("attestation: invalid JSON: unexpected %v", t)
	default: // bool, nil, string, json.Number
		return t, nil
	}
}

func writeCanonical(b *bytes.Buffer, v any) error {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case string:
		writeString(b, x)
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			return fmt.Errorf("attestation: number %s is out of IEEE 754 range", x)
		}
		s, err := FormatNumber(f)
		if err != nil {
			return err
		}
		b.WriteString(s)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeCanonical(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case []member:
		sorted := slices.Clone(x)
		slices.SortFunc(sorted, func(a, c member) int { return compareUTF16(a.name, c.name) })
		b.WriteByte('{')
		for i, m := range sorted {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, m.name)
			b.WriteByte(':')
			if err := writeCanonical(b, m.val); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	default:
		return fmt.Errorf("attestation: cannot canonicalize %T", v)
	}
	return nil
}

// compareUTF16 orders strings by their UTF-16 code units, as RFC 8785
// §3.2.3 requires (so U+1F600 sorts before U+FB33).
// It compares rune by rune without allocating: runes that differ compare
// by their first code unit (a supplementary rune's high surrogate), then,
// both supplementary under the same high surrogate, by the rune itself,
// which orders their low surrogates alike.
func compareUTF16(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			if c := cmp.Compare(firstUnit(ra), firstUnit(rb)); c != 0 {
				return c
			}
			return cmp.Compare(ra, rb)
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b)) // the one that ran out sorts first
}

// firstUnit is r's first UTF-16 code unit.
func firstUnit(r rune) rune {
	if r < 0x10000 {
		return r
	}
	return 0xD800 + (r-0x10000)>>10
}

// writeString writes s as a JSON string per RFC 8785 §3.2.2.2: only ", \
// and control characters are escaped, with the short forms where JSON has
// them and \u00xx (lowercase hex) otherwise.
func writeString(b *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			b.WriteString(`\"`)
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\b':
			b.WriteString(`\b`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\f':
			b.WriteString(`\f`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
}

// FormatNumber writes f as ECMAScript's Number.prototype.toString does,
// which is the number form of RFC 8785 §3.2.2.3: the shortest decimal that
// round-trips, in plain notation for exponents from -7 to 20 and as
// d.ddde±n outside it; -0 is "0". NaN and infinities are errors.
func FormatNumber(f float64) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fmt.Errorf("attestation: %v has no JSON form", f)
	}
	if f == 0 {
		return "0", nil
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	// Shortest round-trip digits and exponent: d.ddddde±x.
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	n := x + 1 // position of the decimal point relative to the digits
	k := len(digits)
	var out string
	switch {
	case k <= n && n <= 21:
		out = digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		out = digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		out = "0." + strings.Repeat("0", -n) + digits
	default:
		m := digits[:1]
		if k > 1 {
			m += "." + digits[1:]
		}
		es := "+"
		if n-1 < 0 {
			es = "-"
		}
		out = m + "e" + es + strconv.Itoa(abs(n-1))
	}
	return sign + out, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
