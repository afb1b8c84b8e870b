package attestation

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"math"
	"slices"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The vectors below are typed in from RFC 8785 itself.

// RFC 8785 §3.2.2, the example of the whole serialisation: literals,
// numbers and string escapes.
func TestCanonicalizeRFC8785Example(t *testing.T) {
	in := `{
  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
}`
	want := `{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`
	got, err := CanonicalizeJSON([]byte(in))
	require.NoError(t, err)
	assert.Equal(t, want, string(got))
}

// RFC 8785 §3.2.3: members sorted by UTF-16 code units, so the emoji
// (surrogates D83D DE00) sorts before U+FB33.
func TestCanonicalizeRFC8785Sorting(t *testing.T) {
	in := `{
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
}`
	want := "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\"," +
		"\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}"
	got, err := CanonicalizeJSON([]byte(in))
	require.NoError(t, err)
	assert.Equal(t, want, string(got))
}

// RFC 8785 Appendix B: IEEE 754 doubles (as hex) and their canonical form.
func TestFormatNumberRFC8785AppendixB(t *testing.T) {
	for _, tc := range []struct{ bits, want string }{
		{"0000000000000000", "0"},
		{"8000000000000000", "0"}, // minus zero
		{"0000000000000001", "5e-324"},
		{"8000000000000001", "-5e-324"},
		{"7fefffffffffffff", "1.7976931348623157e+308"},
		{"ffefffffffffffff", "-1.7976931348623157e+308"},
		{"4340000000000000", "9007199254740992"},
		{"c340000000000000", "-9007199254740992"},
		{"4430000000000000", "295147905179352830000"},
		{"44b52d02c7e14af5", "9.999999999999997e+22"},
		{"44b52d02c7e14af6", "1e+23"},
		{"44b52d02c7e14af7", "1.0000000000000001e+23"},
		{"444b1ae4d6e2ef4e", "999999999999999700000"},
		{"444b1ae4d6e2ef4f", "999999999999999900000"},
		{"444b1ae4d6e2ef50", "1e+21"},
		{"3eb0c6f7a0b5ed8c", "9.999999999999997e-7"},
		{"3eb0c6f7a0b5ed8d", "0.000001"},
		{"41b3de4355555553", "333333333.3333332"},
		{"41b3de4355555554", "333333333.33333325"},
		{"41b3de4355555555", "333333333.3333333"},
		{"41b3de4355555556", "333333333.3333334"},
		{"41b3de4355555557", "333333333.33333343"},
		{"becbf647612f3696", "-0.0000033333333333333333"},
		{"43143ff3c1cb0959", "1424953923781206.2"},
	} {
		raw, err := hex.DecodeString(tc.bits)
		require.NoError(t, err)
		f := math.Float64frombits(binary.BigEndian.Uint64(raw))
		got, err := FormatNumber(f)
		require.NoError(t, err, tc.bits)
		assert.Equal(t, tc.want, got, tc.bits)
	}
	for _, bits := range []string{"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"} { // NaN, ±Infinity
		raw, _ := hex.DecodeString(bits)
		_, err := FormatNumber(math.Float64frombits(binary.BigEndian.Uint64(raw)))
		assert.Error(t, err, bits)
	}
}

// encoding/json is not JCS: it escapes <, >, & and U+2028/2029 and keeps
// struct order. Canonicalize must undo all of it.
func TestCanonicalizeIsNotEncodingJSON(t *testing.T) {
	v := struct {
		Z string `json:"z"`
		A string `json:"a"`
	}{Z: "<b>&\u2028\u2029", A: "x"}
	std, err := json.Marshal(v)
	require.NoError(t, err)
	require.Contains(t, string(std), `\u003c`, "premise: encoding/json escapes <")
	got, err := Canonicalize(v)
	require.NoError(t, err)
	assert.Equal(t, "{\"a\":\"x\",\"z\":\"<b>&\u2028\u2029\"}", string(got))
}

func TestCanonicalizeRefuses(t *testing.T) {
	for name, in := range map[string]string{
		"duplicate names": `{"a":1,"a":2}`,
		"invalid UTF-8":   "{\"a\":\"\xff\"}",
		"lone surrogate":  `{"a":"\ud800"}`,
		"lone low half":   `{"a":"x\udc00"}`,
		"reversed pair":   `{"a":"\ude00\ud83d"}`,
		"high then text":  `{"a":"\ud83dx"}`,
		"trailing data":   `{} {}`,
		"not JSON":        `{"a":}`,
		"out of range":    `[1e400]`,
		"too deep":        string(make([]byte, 0)) + repeat("[", 100) + repeat("]", 100),
	} {
		_, err := CanonicalizeJSON([]byte(in))
		assert.Error(t, err, name)
	}
}

// A literal U+FFFD, an escaped backslash before "u", and a real surrogate
// pair are all legitimate.
func TestCanonicalizeAcceptsWhatLooksLikeASurrogate(t *testing.T) {
	got, err := CanonicalizeJSON([]byte(`["\ufffd","\\ud800","\ud83d\ude00"]`))
	require.NoError(t, err)
	assert.Equal(t, "[\"\ufffd\",\"\\\\ud800\",\"😀\"]", string(got))
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

// FuzzCompareUTF16: the allocation-free comparison orders strings as
// their UTF-16 code units do.
func FuzzCompareUTF16(f *testing.F) {
	for _, p := range [][2]string{{"\U0001F600", "\uFB33"}, {"a", "ab"}, {"", "x"}, {"\uE000", "\U00010000"}, {"\U0001F600", "\U0001F601"}, {"\uD7FF", "\U00010000"}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return // parseJSON refuses invalid UTF-8 before any comparison
		}
		want := slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b)))
		if got := compareUTF16(a, b); got != want {
			t.Fatalf("compareUTF16(%q, %q) = %d, want %d", a, b, got, want)
		}
	})
}
