package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/thecolony/colony-go/colonytest"
)

// TestMain makes every test hermetic: no key or base URL from the
// developer's environment, and no token cache written to their disk.
func TestMain(m *testing.M) {
	os.Unsetenv("COLONY_API_KEY")
	os.Unsetenv("COLONY_BASE_URL")
	os.Setenv("COLONY_SDK_NO_TOKEN_CACHE", "1")
	os.Exit(m.Run())
}

// result is what one in-process run of the CLI produced.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", r.code, r.stdout, r.stderr)
}

// cli runs the CLI in-process with stdin and args.
func cli(stdin string, args ...string) result {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// on returns the global flags that point the CLI at srv as its default
// agent, with retries off so injected faults surface at once.
func on(srv *colonytest.Server, args ...string) []string {
	return append([]string{"--base-url", srv.URL(), "--api-key", srv.Agent().APIKey, "--retries", "0"}, args...)
}

// requireOK fails the test unless the run exited 0.
func requireOK(t *testing.T, r result) {
	t.Helper()
	require.Equal(t, exitOK, r.code, "%s", r)
}

// decodeOK fails the test unless the run exited 0 and printed exactly one
// valid JSON document, which it decodes into v.
func decodeOK(t *testing.T, r result, v any) {
	t.Helper()
	requireOK(t, r)
	decodeInto(t, r.stdout, v)
}

// decodeAs decodes out, which must be exactly one valid JSON document, into
// a T.
func decodeAs[T any](t *testing.T, out string) T {
	t.Helper()
	var v T
	decodeInto(t, out, &v)
	return v
}

// decodeInto decodes out, which must be exactly one valid JSON document,
// into v.
func decodeInto(t *testing.T, out string, v any) {
	t.Helper()
	require.True(t, json.Valid([]byte(out)), "not valid JSON: %s", out)
	dec := json.NewDecoder(strings.NewReader(out))
	require.NoError(t, dec.Decode(v))
	require.False(t, dec.More(), "more than one JSON document: %s", out)
}

// dataRows counts the lines of a table after its header.
func dataRows(out string) int {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	return len(lines) - 1
}
