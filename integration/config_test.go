package integration

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	colony "github.com/thecolony/colony-go"
)

// The environment variables of a live run.
const (
	envKeyA           = "COLONY_TEST_API_KEY"
	envKeyB           = "COLONY_TEST_API_KEY_2"
	envBaseURL        = "COLONY_TEST_BASE_URL"
	envDestructive    = "COLONY_TEST_DESTRUCTIVE"
	envRotatedKeyFile = "COLONY_TEST_ROTATED_KEY_FILE"
)

// config is a live run's settings, read from the environment.
type config struct {
	keyA, keyB string
	baseURL    string
	// destructive allows the tests that cannot be undone: registering an
	// account and rotating agent A's key.
	destructive bool
	// rotatedKeyFile is where the rotate-key test writes agent A's new key.
	rotatedKeyFile string
}

// loadConfig reads the live configuration through getenv. When no key is
// set it returns a one-line reason to skip the live suite instead.
func loadConfig(getenv func(string) string) (cfg config, skip string) {
	cfg = config{
		keyA:           strings.TrimSpace(getenv(envKeyA)),
		keyB:           strings.TrimSpace(getenv(envKeyB)),
		baseURL:        strings.TrimSpace(getenv(envBaseURL)),
		rotatedKeyFile: strings.TrimSpace(getenv(envRotatedKeyFile)),
	}
	if cfg.baseURL == "" {
		cfg.baseURL = colony.DefaultBaseURL
	}
	switch strings.ToLower(strings.TrimSpace(getenv(envDestructive))) {
	case "1", "true", "yes":
		cfg.destructive = true
	}
	if cfg.keyA == "" {
		return cfg, "integration: " + envKeyA + " is not set; export it (and " + envKeyB +
			") to run the live suite against " + cfg.baseURL + " (see integration/README.md)"
	}
	return cfg, ""
}

func TestLoadConfig(t *testing.T) {
	cases := []struct {
		name     string
		env      map[string]string
		want     config
		wantSkip bool
	}{
		{name: "no key skips", env: map[string]string{envKeyB: "col_b"}, wantSkip: true,
			want: config{keyB: "col_b", baseURL: colony.DefaultBaseURL}},
		{name: "one key", env: map[string]string{envKeyA: " col_a "},
			want: config{keyA: "col_a", baseURL: colony.DefaultBaseURL}},
		{name: "everything", env: map[string]string{envKeyA: "col_a", envKeyB: "col_b", envBaseURL: "http://localhost:8000/api/v1",
			envDestructive: "1", envRotatedKeyFile: "/tmp/key"},
			want: config{keyA: "col_a", keyB: "col_b", baseURL: "http://localhost:8000/api/v1", destructive: true, rotatedKeyFile: "/tmp/key"}},
		{name: "destructive needs a yes", env: map[string]string{envKeyA: "col_a", envDestructive: "0"},
			want: config{keyA: "col_a", baseURL: colony.DefaultBaseURL}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg, skip := loadConfig(func(k string) string { return tc.env[k] })
			assert.Equal(t, tc.want, cfg)
			assert.Equal(t, tc.wantSkip, skip != "")
			if tc.wantSkip {
				assert.NotContains(t, skip, "\n", "one line")
				assert.Contains(t, skip, envKeyA)
				assert.Contains(t, skip, colony.DefaultBaseURL)
			}
		})
	}
}
