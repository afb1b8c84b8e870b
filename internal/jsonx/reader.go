package jsonx

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// Reader decodes one JSON text from a byte slice, value by value, without
// reflection: a model's decoder asks for the value it expects at each key
// (Str, Int, Time, ...), and the bytes are scanned once. Decoding is
// lenient about types, as the API's models are: a value of an unexpected
// type (a number where a string was expected, an object where a list was)
// is skipped and the field left zero. Malformed JSON is an error: the first
// one is kept (Err) and every later call returns zero values.
//
// The zero Reader reads nothing; Reset gives it a buffer.
type Reader struct {
	buf     []byte
	pos     int
	err     error
	depth   int
	opened  bool   // an object or array was just opened: no comma expected
	scratch []byte // unescaped keys
	strBuf  []byte // unescaped strings, before their copy into a string
	typeErr error  // the first value of an unexpected type
}

// MaxDepth is the deepest nesting of arrays and objects a Reader accepts,
// as encoding/json's.
const MaxDepth = 10000

// ErrSyntax is wrapped by every error a Reader reports.
var ErrSyntax = errors.New("invalid JSON")

// NewReader returns a Reader over b.
func NewReader(b []byte) *Reader { return &Reader{buf: b} }

// Reset makes r read b from the start.
func (r *Reader) Reset(b []byte) { *r = Reader{buf: b, scratch: r.scratch[:0], strBuf: r.strBuf[:0]} }

// Err returns the first syntax error met, or nil.
func (r *Reader) Err() error { return r.err }

// ErrType is wrapped by the errors TypeErr returns.
var ErrType = errors.New("JSON value of the wrong type")

// TypeErr returns the first value of an unexpected type met, or nil.
func (r *Reader) TypeErr() error { return r.typeErr }

// FailType records err (when not nil and none is recorded yet) as the
// Reader's type mismatch.
func (r *Reader) FailType(err error) {
	if err != nil && r.typeErr == nil {
		r.typeErr = err
	}
}

// mismatch skips the next value, recording a type mismatch unless it is
// null.
func (r *Reader) mismatch(want string) {
	if r.Null() {
		return
	}
	if r.typeErr == nil && r.err == nil {
		r.typeErr = fmt.Errorf("%w: want %s at offset %d", ErrType, want, r.pos)
	}
	r.Skip()
}

// Pos returns the offset of the next unread byte, after white space.
func (r *Reader) Pos() int {
	r.ws()
	return r.pos
}

// Offset returns the offset of the next unread byte, without moving past
// white space: a value read since an earlier Offset has moved it.
func (r *Reader) Offset() int { return r.pos }

// Since returns the bytes from start to the current offset, capped so an
// append to the result cannot write past it.
func (r *Reader) Since(start int) []byte {
	if r.err != nil || start > r.pos {
		return nil
	}
	return r.buf[start:r.pos:r.pos]
}

func (r *Reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: "+format+" at offset %d", append([]any{ErrSyntax}, append(args, r.pos)...)...)
	}
	r.pos = len(r.buf)
}

func (r *Reader) ws() {
	for r.pos < len(r.buf) {
		switch r.buf[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// Peek returns the first byte of the next value ('{', '[', '"', 't', 'f',
// 'n', '-' or a digit), or 0 at the end of the input or after an error.
func (r *Reader) Peek() byte {
	r.ws()
	if r.err != nil || r.pos >= len(r.buf) {
		return 0
	}
	return r.buf[r.pos]
}

// End reports an error if anything but white space follows the value read.
func (r *Reader) End() error {
	if r.ws(); r.pos < len(r.buf) {
		r.fail("unexpected data after the top-level value")
	}
	if r.err == nil && len(r.buf) == 0 {
		return fmt.Errorf("%w: empty input", ErrSyntax)
	}
	return r.err
}

// Object enters the object that is the next value and returns true; the
// caller then reads its members with Key. Any other value (null included)
// is skipped and Object returns false.
func (r *Reader) Object() bool {
	if r.Peek() != '{' {
		r.mismatch("an object")
		return false
	}
	return r.open()
}

// Array enters the array that is the next value and returns true; the
// caller then reads its elements while More returns true. Any other value
// is skipped and Array returns false.
func (r *Reader) Array() bool {
	if r.Peek() != '[' {
		r.mismatch("an array")
		return false
	}
	return r.open()
}

func (r *Reader) open() bool {
	if r.depth++; r.depth > MaxDepth {
		r.fail("nesting deeper than %d", MaxDepth)
		return false
	}
	r.pos++
	r.opened = true
	return true
}

// next moves past the separator before the next member or element, and
// reports false (having consumed it) at the closing byte.
func (r *Reader) next(closing byte) bool {
	c := r.Peek()
	if c == closing && r.err == nil {
		r.pos++
		r.depth--
		r.opened = false
		return false
	}
	if r.opened {
		r.opened = false
		if c == 0 {
			r.fail("unexpected end of input")
			return false
		}
		return true
	}
	if c != ',' {
		if r.err == nil {
			r.fail("expected ',' or %q", closing)
		}
		return false
	}
	r.pos++
	if r.Peek() == closing {
		r.fail("trailing comma")
		return false
	}
	return true
}

// More reports whether the array entered with Array has another element,
// moving past the comma; at the end it consumes the ']'.
func (r *Reader) More() bool { return r.next(']') }

// Key returns the next member name of the object entered with Object,
// having consumed the ':' after it, or false (having consumed the '}') at
// the end. The name is valid until the next call; escapes are decoded.
func (r *Reader) Key() ([]byte, bool) {
	if !r.next('}') {
		return nil, false
	}
	if r.Peek() != '"' {
		r.fail("expected a member name")
		return nil, false
	}
	start, end, escaped, nonASCII := r.scanString()
	key := r.buf[start:end]
	if escaped || (nonASCII && !utf8.Valid(key)) {
		r.scratch = unescape(r.scratch[:0], key)
		key = r.scratch
	}
	if r.Peek() != ':' {
		r.fail("expected ':'")
		return nil, false
	}
	r.pos++
	if r.Peek() == 0 {
		r.fail("unexpected end of input")
		return nil, false
	}
	return key, r.err == nil
}

// scanString moves past the string at pos and returns the bounds of its
// contents, whether it holds escapes and whether it holds non-ASCII bytes.
func (r *Reader) scanString() (start, end int, escaped, nonASCII bool) {
	r.pos++
	start = r.pos
	for r.pos < len(r.buf) {
		c := r.buf[r.pos]
		switch {
		case c == '"':
			end = r.pos
			r.pos++
			return start, end, escaped, nonASCII
		case c == '\\':
			escaped = true
			if !r.checkEscape() {
				return start, start, false, false
			}
			continue
		case c < 0x20:
			r.fail("control character in string")
			return start, start, false, false
		case c >= 0x80:
			nonASCII = true
		}
		r.pos++
	}
	r.fail("unterminated string")
	return start, start, false, false
}

func (r *Reader) checkEscape() bool {
	if r.pos+1 >= len(r.buf) {
		r.fail("unterminated string")
		return false
	}
	switch r.buf[r.pos+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		r.pos += 2
		return true
	case 'u':
		if r.pos+6 > len(r.buf) {
			r.fail("unterminated string")
			return false
		}
		for _, h := range r.buf[r.pos+2 : r.pos+6] {
			if hexVal(h) < 0 {
				r.fail("invalid \\u escape")
				return false
			}
		}
		r.pos += 6
		return true
	}
	r.fail("invalid escape")
	return false
}

func hexVal(c byte) rune {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0')
	case c >= 'a' && c <= 'f':
		return rune(c - 'a' + 10)
	case c >= 'A' && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// unescape appends the decoded contents of a validated JSON string to dst,
// replacing invalid UTF-8 and lone surrogates with U+FFFD as encoding/json
// does.
func unescape(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			if c < utf8.RuneSelf {
				dst = append(dst, c)
				i++
				continue
			}
			r, size := utf8.DecodeRune(s[i:])
			dst = utf8.AppendRune(dst, r)
			i += size
			continue
		}
		switch s[i+1] {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r := hex4(s[i+2:])
			i += 6
			if utf16.IsSurrogate(r) {
				if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
					if r2 := utf16.DecodeRune(r, hex4(s[i+2:])); r2 != utf8.RuneError {
						dst = utf8.AppendRune(dst, r2)
						i += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			dst = utf8.AppendRune(dst, r)
			continue
		default: // '"', '\\', '/'
			dst = append(dst, s[i+1])
		}
		i += 2
	}
	return dst
}

func hex4(b []byte) rune {
	return hexVal(b[0])<<12 | hexVal(b[1])<<8 | hexVal(b[2])<<4 | hexVal(b[3])
}

// Skip moves past the next value, checking its syntax.
func (r *Reader) Skip() {
	switch r.Peek() {
	case '{':
		r.open()
		for {
			if _, ok := r.Key(); !ok {
				return
			}
			r.Skip()
		}
	case '[':
		r.open()
		for r.More() {
			r.Skip()
		}
	case '"':
		r.scanString()
	case 't':
		r.literal("true")
	case 'f':
		r.literal("false")
	case 'n':
		r.literal("null")
	case 0:
		r.fail("unexpected end of input")
	default:
		r.number()
	}
}

// Raw returns the bytes of the next value (checked, not decoded) as a
// sub-slice of the input.
func (r *Reader) Raw() []byte {
	start := r.Pos()
	r.Skip()
	return r.Since(start)
}

func (r *Reader) literal(word string) {
	if len(r.buf)-r.pos < len(word) || string(r.buf[r.pos:r.pos+len(word)]) != word {
		r.fail("invalid literal")
		return
	}
	r.pos += len(word)
}

// Null consumes a null and reports true, or reports false and consumes
// nothing.
func (r *Reader) Null() bool {
	if r.Peek() == 'n' {
		r.literal("null")
		return true
	}
	return false
}

// number moves past a number and returns its bytes and whether it is an
// integer (no fraction, no exponent).
func (r *Reader) number() ([]byte, bool) {
	start := r.pos
	integer := true
	if r.pos < len(r.buf) && r.buf[r.pos] == '-' {
		r.pos++
	}
	if r.pos < len(r.buf) && r.buf[r.pos] == '0' {
		r.pos++ // no leading zeros: 0 stands alone
	} else if !r.digits() {
		return nil, false
	}
	if r.pos < len(r.buf) && r.buf[r.pos] == '.' {
		integer = false
		r.pos++
		if !r.digits() {
			return nil, false
		}
	}
	if r.pos < len(r.buf) && (r.buf[r.pos] == 'e' || r.buf[r.pos] == 'E') {
		integer = false
		r.pos++
		if r.pos < len(r.buf) && (r.buf[r.pos] == '+' || r.buf[r.pos] == '-') {
			r.pos++
		}
		if !r.digits() {
			return nil, false
		}
	}
	return r.buf[start:r.pos], integer
}

func (r *Reader) digits() bool {
	start := r.pos
	for r.pos < len(r.buf) && r.buf[r.pos] >= '0' && r.buf[r.pos] <= '9' {
		r.pos++
	}
	if r.pos == start {
		r.fail("invalid number")
		return false
	}
	return true
}

// Loose reads the next value with fn, forgetting any type mismatch fn
// meets: for the fields a model decodes leniently.
func (r *Reader) Loose(fn func()) {
	saved := r.typeErr
	fn()
	r.typeErr = saved
}

// Str reads a string; null gives "", another type "" and a mismatch.
func (r *Reader) Str() string {
	if r.Peek() != '"' {
		r.mismatch("a string")
		return ""
	}
	start, end, escaped, nonASCII := r.scanString()
	s := r.buf[start:end]
	if escaped || (nonASCII && !utf8.Valid(s)) {
		// Not r.scratch: Key returns it, and the caller may still hold it.
		r.strBuf = unescape(r.strBuf[:0], s)
		return string(r.strBuf)
	}
	return string(s)
}

// Int64 reads an integer; null gives 0, and another type, a fraction, an
// exponent or an out-of-range number gives 0 and a type mismatch.
func (r *Reader) Int64() int64 {
	if !r.numberNext("an integer") {
		return 0
	}
	start := r.pos
	b, integer := r.number()
	if r.err != nil {
		return 0
	}
	if integer {
		if v, ok := parseInt(b); ok {
			return v
		}
	}
	r.pos = start
	r.mismatch("an integer")
	return 0
}

// numberNext reports whether a number is next, else skips the value as a
// mismatch (none for null).
func (r *Reader) numberNext(want string) bool {
	if c := r.Peek(); c == '-' || c >= '0' && c <= '9' {
		return true
	}
	r.mismatch(want)
	return false
}

// parseInt parses a JSON integer without allocating.
func parseInt(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	var n uint64
	for _, c := range b {
		n = n*10 + uint64(c-'0')
	}
	if neg {
		if n > 1<<63 {
			return 0, false
		}
		return -int64(n), true
	}
	if n > math.MaxInt64 {
		return 0, false
	}
	return int64(n), true
}

// Int reads an integer as Int64 does.
func (r *Reader) Int() int { return int(r.Int64()) }

// IntPtr reads an integer; null or another type gives nil.
func (r *Reader) IntPtr() *int {
	if !r.numberNext("an integer") {
		return nil
	}
	v := r.Int()
	return &v
}

// FloatPtr reads a number as Float; null or another type gives nil.
func (r *Reader) FloatPtr() *float64 {
	if !r.numberNext("a number") {
		return nil
	}
	v := r.Float()
	return &v
}

// Float reads a number; null or another type gives 0.
func (r *Reader) Float() float64 {
	if !r.numberNext("a number") {
		return 0
	}
	start := r.pos
	b, _ := r.number()
	if r.err != nil {
		return 0
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		r.pos = start
		r.mismatch("a number in range")
		return 0
	}
	return f
}

// Bool reads a boolean; null or another type gives false.
func (r *Reader) Bool() bool {
	switch r.Peek() {
	case 't':
		r.literal("true")
		return r.err == nil
	case 'f':
		r.literal("false")
	default:
		r.mismatch("a boolean")
	}
	return false
}

// BoolPtr reads a boolean; null or another type gives nil.
func (r *Reader) BoolPtr() *bool {
	if c := r.Peek(); c != 't' && c != 'f' {
		r.mismatch("a boolean")
		return nil
	}
	v := r.Bool()
	return &v
}

// Time reads a timestamp leniently, as Time.UnmarshalJSON: null, another
// type or an unparsable string gives the zero time, never a mismatch.
func (r *Reader) Time() time.Time {
	if r.Peek() != '"' {
		r.Skip()
		return time.Time{}
	}
	start, end, escaped, _ := r.scanString()
	s := r.buf[start:end]
	if !escaped {
		if v, ok := parseFast(s); ok {
			return v
		}
		return parseLayouts(string(s))
	}
	return ParseTime(string(unescape(nil, s)))
}

// TimePtr reads a timestamp as Time, giving nil for the zero time.
func (r *Reader) TimePtr() *time.Time {
	t := r.Time()
	if t.IsZero() {
		return nil
	}
	return &t
}

// Strings reads a list of strings; null gives nil.
func (r *Reader) Strings() []string {
	if !r.Array() {
		return nil
	}
	out := []string{}
	for r.More() {
		out = append(out, r.Str())
	}
	return out
}

// Any reads any value as encoding/json decodes into an interface:
// map[string]any, []any, string, float64, bool or nil.
func (r *Reader) Any() any {
	switch r.Peek() {
	case '{':
		return r.Map()
	case '[':
		r.open()
		out := []any{}
		for r.More() {
			out = append(out, r.Any())
		}
		return out
	case '"':
		return r.Str()
	case 't', 'f':
		return r.Bool()
	case 'n':
		r.literal("null")
		return nil
	case 0:
		r.fail("unexpected end of input")
		return nil
	}
	return r.Float()
}

// Map reads an object as map[string]any; null or another type gives nil.
func (r *Reader) Map() map[string]any { return MapOf(r, (*Reader).Any) }

// MapOf reads an object whose values read reads; null or another type
// gives nil.
func MapOf[V any](r *Reader, read func(*Reader) V) map[string]V {
	if !r.Object() {
		return nil
	}
	out := map[string]V{}
	for {
		k, ok := r.Key()
		if !ok {
			return out
		}
		name := string(k) // before read, which may reuse k's bytes
		out[name] = read(r)
	}
}

// Fields enters the object that is the next value and calls fn with each
// member name. fn reads the member's value (or not: a value it leaves
// unread is skipped). Any other value is skipped; Fields reports whether
// it was an object.
func (r *Reader) Fields(fn func(key []byte)) bool {
	if !r.Object() {
		return false
	}
	for {
		k, ok := r.Key()
		if !ok {
			return true
		}
		at := r.pos
		fn(k)
		if r.pos == at {
			r.Skip()
		}
	}
}

// Sub reads b, a value taken from r's input (with Raw), with fn on a
// Reader of its own, and passes on the errors fn met.
func (r *Reader) Sub(b []byte, fn func(sub *Reader)) {
	var sub Reader
	sub.Reset(b)
	fn(&sub)
	r.Fail(sub.err)
	r.FailType(sub.typeErr)
}

// Fail records err (when not nil and no error is recorded yet) as the
// Reader's error and stops it.
func (r *Reader) Fail(err error) {
	if err != nil && r.err == nil {
		r.err = err
		r.pos = len(r.buf)
	}
}
