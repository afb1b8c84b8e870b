package colony

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeText is README.md with every run of white space made one space, so
// claims match across line breaks.
func readmeText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("README.md")
	require.NoError(t, err)
	return strings.Join(strings.Fields(string(b)), " ")
}

// secs renders a duration as the README writes it: "10 s".
func secs(d time.Duration) string { return fmt.Sprintf("%d s", int(d/time.Second)) }

// TestREADMEDefaults: every default the README states is rendered here from
// the constant the code uses, so changing one without the other fails.
func TestREADMEDefaults(t *testing.T) {
	readme := readmeText(t)
	r, auth := DefaultRetry(), DefaultAuthRetry()
	for _, code := range auth.RetryOn {
		require.True(t, code >= 500, "the README says the token exchange retries 5xx only")
	}
	require.Equal(t, time.Hour, tokenRefreshLead, "the README says \"an hour\"")
	makefile, err := os.ReadFile("Makefile")
	require.NoError(t, err)
	fuzztime := regexp.MustCompile(`(?m)^FUZZTIME\s*\?=\s*(\S+)$`).FindSubmatch(makefile)
	require.NotNil(t, fuzztime, "Makefile sets FUZZTIME")

	claims := []struct{ name, text string }{
		{"base URL", "The default API root is `" + DefaultBaseURL + "`"},
		{"retries", fmt.Sprintf("%d retries on %s and network errors", r.MaxRetries, strings.Trim(strings.Join(strings.Fields(fmt.Sprint(r.RetryOn)), ", "), "[]"))},
		{"backoff", fmt.Sprintf("exponential backoff (%s, %s, capped at %s)", secs(r.BaseDelay), secs(2*r.BaseDelay), secs(r.MaxDelay))},
		{"Retry-After cap", fmt.Sprintf("wins up to `MaxRetryAfter` (%s)", secs(r.MaxRetryAfter))},
		{"token exchange retries", fmt.Sprintf("`colony.WithAuthRetry`: %d retries on %s", auth.MaxRetries, strings.Trim(strings.Join(strings.Fields(fmt.Sprint(auth.RetryOn)), ", "), "[]"))},
		{"token refresh", "the token is refreshed an hour before it expires"},
		{"timeout", fmt.Sprintf("`colony.WithTimeout` (default %s)", secs(DefaultTimeout))},
		{"response limit", fmt.Sprintf("(%d MiB by default)", DefaultMaxResponseBytes>>20)},
		{"error body", fmt.Sprintf("the raw `Body` (at most %d MiB)", maxErrorBody>>20)},
		{"page sizes", fmt.Sprintf("page sizes are clamped to the server's 1..%d", MaxPageSize)},
		{"fuzz time", fmt.Sprintf("FUZZTIME (default %s)", fuzztime[1])},
	}
	for _, c := range claims {
		assert.Contains(t, readme, c.text, "README.md's %s claim", c.name)
	}
	assert.True(t, slices.Equal(r.RetryOn, []int{429, 502, 503, 504}), "retried statuses: %v", r.RetryOn)
}

// TestREADMEDependenciesMatchGoMod: the README names every module go.mod
// requires directly, and says which one only the tests use.
func TestREADMEDependenciesMatchGoMod(t *testing.T) {
	readme := readmeText(t)
	gomod, err := os.ReadFile("go.mod")
	require.NoError(t, err)
	direct := regexp.MustCompile(`(?m)^\s+(\S+) v\S+$`).FindAllSubmatch(gomod, -1)
	require.NotEmpty(t, direct)
	for _, m := range direct {
		assert.Contains(t, readme, "`"+string(m[1])+"`", "README.md names the dependency")
	}
	assert.Contains(t, readme, "`github.com/stretchr/testify` is in `go.mod` for the SDK's own tests")
}
