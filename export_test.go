package colony

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// ReadJSONFile decodes the JSON file at path (the test vectors, a catalogue,
// a file the SDK wrote) into a T, failing the test if it cannot. The
// internal and the external tests both read their files with it.
func ReadJSONFile[T any](t testing.TB, path string) T {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	var v T
	require.NoError(t, json.Unmarshal(raw, &v), "decoding %s", path)
	return v
}

// Endpoint is what the external tests see of a declared endpoint.
type Endpoint struct {
	GoName, Python, Method, Route string
	Write, Func                   bool
}

// Registry returns every declared endpoint, in declaration order.
func Registry() []Endpoint {
	out := make([]Endpoint, len(registry))
	for i, e := range registry {
		out[i] = Endpoint{GoName: e.goName, Python: e.python, Method: e.method, Route: e.route, Write: e.write, Func: e.fn}
	}
	return out
}
