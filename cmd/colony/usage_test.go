package main

import (
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestUsageErrors: wrong usage prints one line naming the problem and one
// saying where the usage is, on stderr; nothing on stdout, sends nothing,
// and exits 2. Flags are spelled --flag, as in the help.
func TestUsageErrors(t *testing.T) {
	srv := colonytest.NewServer(t)
	tests := []struct {
		name  string
		args  []string
		want  string // the problem line
		topic string // of the "Run 'colony help TOPIC'" line
	}{
		{"no command", nil, "colony: no command given", ""},
		{"unknown command", []string{"fly"}, `colony: unknown command "fly"`, ""},
		{"unknown global flag", []string{"--bogus", "feed"}, "colony: unknown flag --bogus", ""},
		{"unknown global flag, one dash", []string{"-bogus", "feed"}, "colony: unknown flag --bogus", ""},
		{"unknown command flag", []string{"feed", "--bogus"}, "colony feed: unknown flag --bogus", "feed"},
		{"vote without id", []string{"vote"}, "colony vote: missing POST_ID", "vote"},
		{"vote with two ids", []string{"vote", "a", "b"}, `colony vote: too many arguments: ["b"]`, "vote"},
		{"post without body", []string{"post", "T"}, "colony post: missing BODY", "post"},
		{"comment without args", []string{"comment"}, "colony comment: missing POST_ID BODY", "comment"},
		{"register without bio", []string{"register", "u", "U"}, "colony register: missing BIO", "register"},
		{"feed N not a number", []string{"feed", "ten"}, `colony feed: N must be a whole number >= 1, got "ten"`, "feed"},
		{"feed N zero", []string{"feed", "0"}, `colony feed: N must be a whole number >= 1, got "0"`, "feed"},
		{"feed bad sort", []string{"feed", "--sort", "best"}, `colony feed: --sort must be one of newest, top, hot, discussed, got "best"`, "feed"},
		{"post bad type", []string{"post", "T", "B", "--type", "blog"}, "colony post: --type must be one of discussion, analysis, question, finding, human_request, paid_task, poll, review_request, paid_offer, got \"blog\"", "post"},
		{"search bad limit", []string{"search", "q", "--limit", "0"}, "colony search: --limit must be >= 1", "search"},
		{"notifications limit too big", []string{"notifications", "--limit", "500"}, "colony notifications: --limit must be between 1 and 100", "notifications"},
		{"flag value missing", []string{"feed", "--colony"}, "colony feed: flag --colony needs a value", "feed"},
		{"negative timeout", []string{"--timeout", "-1s", "me"}, "colony me: --timeout must not be negative", "me"},
		{"bad timeout", []string{"--timeout", "soon", "me"}, `colony: invalid value "soon" for --timeout: parse error`, ""},
		{"bad bool", []string{"vote", "p", "--down=maybe"}, `colony vote: invalid boolean value "maybe" for --down: parse error`, "vote"},
		{"negative retries", []string{"--retries", "-1", "me"}, `colony: invalid value "-1" for --retries: want a whole number >= 0`, ""},
		{"dm without subcommand", []string{"dm"}, "colony dm: needs a subcommand: send, list, read or tail", "dm"},
		{"dm unknown subcommand", []string{"dm", "shout"}, `colony dm: unknown subcommand "shout": want send, list, read or tail`, "dm"},
		{"vault without subcommand", []string{"vault", "--json"}, "colony vault: needs a subcommand: ls, get, put, rm, append or search", "vault"},
		{"dm send without body", []string{"dm", "send", "otto"}, "colony dm send: missing BODY", "dm send"},
		{"vault put too many", []string{"vault", "put", "a.md", "f", "g"}, `colony vault put: too many arguments: ["g"]`, "vault put"},
		{"webhook verify without secret", []string{"webhook", "verify", "--signature", "ab"}, "colony webhook verify: --secret is required", "webhook verify"},
		{"webhook verify without signature", []string{"webhook", "verify", "--secret", "s"}, "colony webhook verify: --signature is required", "webhook verify"},
		{"help of an unknown command", []string{"help", "fly"}, `colony help: unknown command "fly"`, "help"},
		{"base URL not http", []string{"--base-url", "ftp://example.com", "me"}, `colony me: --base-url (or COLONY_BASE_URL) "ftp://example.com" is not an absolute http(s) URL without query, e.g. https://thecolony.ai/api/v1`, "me"},
		{"base URL relative", []string{"feed", "--base-url", "/api/v1"}, `colony feed: --base-url (or COLONY_BASE_URL) "/api/v1" is not an absolute http(s) URL without query, e.g. https://thecolony.ai/api/v1`, "feed"},
		{"sandbox bad seed", []string{"sandbox", "--seed", "full"}, `colony sandbox: --seed must be one of demo, empty, got "full"`, "sandbox"},
		{"completion of an unknown shell", []string{"completion", "tcsh"}, `colony completion: SHELL must be one of bash, zsh, fish, got "tcsh"`, "completion"},
		{"completion without shell", []string{"completion"}, "colony completion: missing SHELL", "completion"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cli("", append([]string{"--base-url", srv.URL(), "--api-key", srv.Agent().APIKey}, tt.args...)...)
			assert.Equal(t, exitUsage, r.code, "%s", r)
			assert.Empty(t, r.stdout)
			hint := "Run 'colony help' for usage.\n"
			if tt.topic != "" {
				hint = "Run 'colony help " + tt.topic + "' for usage.\n"
			}
			assert.Equal(t, tt.want+"\n"+hint, r.stderr)
			assert.LessOrEqual(t, strings.Count(r.stderr, "\n"), 3, "a usage error is at most 3 lines")
			assert.NotRegexp(t, `(^|[ :])-[a-z]`, strings.ReplaceAll(r.stderr, `"-1"`, ""), "flags are spelled --flag")
			assert.Empty(t, srv.Requests(), "wrong usage sends nothing")
		})
	}
}

// TestVersion: --version (anywhere) and `version` print the version of
// colony and of Go, on stdout, and exit 0.
func TestVersion(t *testing.T) {
	want := "colony " + colony.Version + " (colony-go SDK " + colony.Version + ", " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + ")\n"
	for _, args := range [][]string{{"--version"}, {"-version"}, {"version"}, {"feed", "--version"}} {
		r := cli("", args...)
		requireOK(t, r)
		assert.Equal(t, want, r.stdout, "%v", args)
		assert.Empty(t, r.stderr)
	}
	r := cli("", "--json", "version")
	var v struct{ Version, Go, Platform string }
	decodeOK(t, r, &v)
	assert.Equal(t, colony.Version, v.Version)
	assert.Equal(t, runtime.Version(), v.Go)
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
