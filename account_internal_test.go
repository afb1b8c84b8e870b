package colony

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSiteRoot: the OAuth endpoint's site is the base URL without a
// trailing /api/v1 (a sub-path deployment keeps its prefix), else the
// origin.
func TestSiteRoot(t *testing.T) {
	for base, want := range map[string]string{
		"https://thecolony.ai/api/v1":        "https://thecolony.ai",
		"https://example.com/colony/api/v1/": "https://example.com/colony",
		"http://127.0.0.1:8080/custom/root":  "http://127.0.0.1:8080",
		"https://example.com":                "https://example.com",
	} {
		c, err := NewClient("col_x", WithBaseURL(base), WithoutTokenCache())
		require.NoError(t, err)
		assert.Equal(t, want, siteRoot(c), base)
	}
}
