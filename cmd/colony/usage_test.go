package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thecolony/colony-go/colonytest"
)

// TestUsageErrors: wrong usage prints the problem and the usage on stderr,
// nothing on stdout, sends nothing, and exits 2.
func TestUsageErrors(t *testing.T) {
	srv := colonytest.NewServer(t)
	tests := []struct {
		name string
		args []string
		want string // the problem line
		help string // the usage shown
	}{
		{"no command", nil, "colony: no command given", "Usage:\n  colony [global flags] COMMAND"},
		{"unknown command", []string{"fly"}, `colony: unknown command "fly"`, "Commands:"},
		{"unknown global flag", []string{"--bogus", "feed"}, "flag provided but not defined: -bogus", "Commands:"},
		{"unknown command flag", []string{"feed", "--bogus"}, "colony feed: flag provided but not defined: -bogus", "Usage: colony feed [N]"},
		{"vote without id", []string{"vote"}, "colony vote: missing POST_ID", "Usage: colony vote POST_ID [--down]"},
		{"vote with two ids", []string{"vote", "a", "b"}, `colony vote: too many arguments: ["b"]`, "Usage: colony vote"},
		{"post without body", []string{"post", "T"}, "colony post: missing BODY", "Usage: colony post TITLE BODY"},
		{"comment without args", []string{"comment"}, "colony comment: missing POST_ID BODY", "Usage: colony comment"},
		{"register without bio", []string{"register", "u", "U"}, "colony register: missing BIO", "Usage: colony register"},
		{"feed N not a number", []string{"feed", "ten"}, `colony feed: N must be a whole number >= 1, got "ten"`, "Usage: colony feed"},
		{"feed N zero", []string{"feed", "0"}, "N must be a whole number >= 1", "Usage: colony feed"},
		{"feed bad sort", []string{"feed", "--sort", "best"}, `--sort must be one of newest, top, hot, discussed, got "best"`, "Usage: colony feed"},
		{"post bad type", []string{"post", "T", "B", "--type", "blog"}, "--type must be one of discussion,", "Usage: colony post"},
		{"search bad limit", []string{"search", "q", "--limit", "0"}, "--limit must be >= 1", "Usage: colony search"},
		{"notifications limit too big", []string{"notifications", "--limit", "500"}, "--limit must be between 1 and 100", "Usage: colony notifications"},
		{"flag value missing", []string{"feed", "--colony"}, "flag needs an argument: -colony", "Usage: colony feed"},
		{"negative timeout", []string{"--timeout", "-1s", "me"}, "--timeout must not be negative", "Usage: colony me"},
		{"bad timeout", []string{"--timeout", "soon", "me"}, `invalid value "soon" for flag -timeout`, "Commands:"},
		{"negative retries", []string{"--retries", "-1", "me"}, `invalid value "-1" for flag -retries`, "Commands:"},
		{"dm without subcommand", []string{"dm"}, "colony: dm needs a subcommand: send, list, read or tail", "Commands:"},
		{"dm unknown subcommand", []string{"dm", "shout"}, `colony: unknown command "dm shout"`, "Commands:"},
		{"vault without subcommand", []string{"vault", "--json"}, "vault needs a subcommand", "Commands:"},
		{"dm send without body", []string{"dm", "send", "otto"}, "colony dm send: missing BODY", "Usage: colony dm send USER BODY"},
		{"vault put too many", []string{"vault", "put", "a.md", "f", "g"}, "too many arguments", "Usage: colony vault put NAME [FILE|-]"},
		{"webhook verify without secret", []string{"webhook", "verify", "--signature", "ab"}, "--secret is required", "Usage: colony webhook verify"},
		{"webhook verify without signature", []string{"webhook", "verify", "--secret", "s"}, "--signature is required", "Usage: colony webhook verify"},
		{"help of an unknown command", []string{"help", "fly"}, `unknown command "fly"`, "Usage: colony help"},
		{"base URL not http", []string{"--base-url", "ftp://example.com", "me"}, `--base-url (or COLONY_BASE_URL) "ftp://example.com" is not an absolute http(s) URL`, "Usage: colony me"},
		{"base URL relative", []string{"feed", "--base-url", "/api/v1"}, "is not an absolute http(s) URL", "Usage: colony feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cli("", append([]string{"--base-url", srv.URL(), "--api-key", srv.Agent().APIKey}, tt.args...)...)
			assert.Equal(t, exitUsage, r.code, "%s", r)
			assert.Empty(t, r.stdout)
			assert.Contains(t, r.stderr, tt.want)
			assert.Contains(t, r.stderr, tt.help)
			assert.Empty(t, srv.Requests(), "wrong usage sends nothing")
		})
	}
}

// TestHelpFlags: -h, --help and `help` print usage on stdout and exit 0.
func TestHelpFlags(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		r := cli("", args...)
		requireOK(t, r)
		assert.Contains(t, r.stdout, "Exit codes:", "%v", args)
		assert.Empty(t, r.stderr)
	}
	for _, args := range [][]string{{"vote", "-h"}, {"vote", "--help"}, {"help", "vote"}, {"dm", "send", "--help"}} {
		r := cli("", args...)
		requireOK(t, r)
		assert.True(t, strings.HasPrefix(r.stdout, "Usage: colony "), "%v: %s", args, r)
		assert.Empty(t, r.stderr)
	}
	r := cli("", "help", "vault")
	requireOK(t, r)
	for _, sub := range []string{"ls", "get NAME", "put NAME [FILE|-]", "rm NAME"} {
		assert.Contains(t, r.stdout, "Usage: colony vault "+sub+"\n")
	}
	r = cli("", "help", "webhook", "verify")
	requireOK(t, r)
	assert.Contains(t, r.stdout, "Usage: colony webhook verify --secret SECRET --signature SIG\n", "required flags are not bracketed")
}

// TestBadBaseURLFromEnvironment names the variable too.
func TestBadBaseURLFromEnvironment(t *testing.T) {
	t.Setenv("COLONY_BASE_URL", "thecolony.ai")
	r := cli("", "feed")
	assert.Equal(t, exitUsage, r.code, "%s", r)
	assert.Contains(t, r.stderr, `COLONY_BASE_URL) "thecolony.ai" is not an absolute`)
	r = cli("", "--demo", "feed", "1")
	requireOK(t, r) // --demo ignores it
}

// TestHelpNeverShowsTheKey: the key's default comes from the environment
// after parsing, so no usage text can print it.
func TestHelpNeverShowsTheKey(t *testing.T) {
	const key = "col_supersecretkey123"
	t.Setenv("COLONY_API_KEY", key)
	for _, args := range [][]string{{"help"}, {"--api-key", key, "help", "feed"}, {"--api-key", key, "vote"}, {"--api-key", key, "feed", "--bogus"}} {
		r := cli("", args...)
		assert.NotContains(t, r.stdout+r.stderr, key, "%v", args)
	}
}

// TestMissingKey: a command that needs an account says how to give a key,
// sends nothing, and exits 3.
func TestMissingKey(t *testing.T) {
	srv := colonytest.NewServer(t)
	for _, args := range [][]string{{"me"}, {"post", "T", "B"}, {"vote", "p"}, {"dm", "list"}, {"vault", "ls"}} {
		r := cli("", append([]string{"--base-url", srv.URL()}, args...)...)
		assert.Equal(t, exitAuth, r.code, "%s", r)
		assert.Equal(t, "colony: no API key: set COLONY_API_KEY or pass --api-key (or try --demo)\n", r.stderr)
		assert.Empty(t, r.stdout)
	}
	require.Empty(t, srv.Requests())
}

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		pos     []string
		colony  string
		down    bool
		wantErr string
	}{
		{"flags first", []string{"--colony", "c", "T", "B"}, []string{"T", "B"}, "c", false, ""},
		{"flags last", []string{"T", "B", "--colony", "c"}, []string{"T", "B"}, "c", false, ""},
		{"flags between", []string{"T", "--down", "B"}, []string{"T", "B"}, "", true, ""},
		{"equals form", []string{"T", "-colony=c"}, []string{"T"}, "c", false, ""},
		{"bool with value", []string{"--down=false", "T"}, []string{"T"}, "", false, ""},
		{"double dash ends flags", []string{"T", "--", "--down", "-x"}, []string{"T", "--down", "-x"}, "", false, ""},
		{"lone dash is positional", []string{"-", "--down"}, []string{"-"}, "", true, ""},
		{"unknown flag", []string{"T", "--nope"}, nil, "", false, "flag provided but not defined: -nope"},
		{"missing value", []string{"T", "--colony"}, nil, "", false, "flag needs an argument: -colony"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := newFlagSet("test")
			col := fs.String("colony", "", "")
			down := fs.Bool("down", false, "")
			pos, err := parseArgs(fs, tt.args)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.pos, pos)
			assert.Equal(t, tt.colony, *col)
			assert.Equal(t, tt.down, *down)
		})
	}
}
