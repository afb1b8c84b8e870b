package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runningSandbox is a `colony sandbox` running in-process.
type runningSandbox struct {
	url, key string
	out      []string // what it printed up to "Ctrl-C stops it."
	stop     func() result
}

// startSandbox runs `colony sandbox args...` until stop, which cancels it
// as Ctrl-C does and returns the run's result.
func startSandbox(t *testing.T, args ...string) *runningSandbox {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errOut strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- runContext(ctx, append([]string{"sandbox", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), pw, &errOut)
		pw.Close()
	}()
	sb := &runningSandbox{}
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		line := sc.Text()
		sb.out = append(sb.out, line)
		if v, ok := strings.CutPrefix(line, "  export COLONY_BASE_URL="); ok {
			sb.url = v
		}
		if v, ok := strings.CutPrefix(line, "  export COLONY_API_KEY="); ok {
			sb.key = v
		}
		if line == "Ctrl-C stops it." {
			break
		}
	}
	require.NotEmpty(t, sb.key, "sandbox output:\n%s\nstderr: %s", strings.Join(sb.out, "\n"), errOut.String())
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	sb.stop = func() result {
		cancel()
		code := <-done
		return result{code: code, stderr: errOut.String()}
	}
	t.Cleanup(func() { cancel() })
	return sb
}

func (sb *runningSandbox) cli(t *testing.T, args ...string) result {
	t.Helper()
	r := cli("", append([]string{"--base-url", sb.url, "--api-key", sb.key}, args...)...)
	requireOK(t, r)
	return r
}

// TestSandboxStateCarriesOver is the walk-through: feed, comments
// of a post from it, a DM sent and then listed, across commands and across
// a restart of the sandbox, plus a curl-style call with a token from it.
func TestSandboxStateCarriesOver(t *testing.T) {
	state := filepath.Join(t.TempDir(), "s.json")
	sb := startSandbox(t, "--state", state)
	assert.Contains(t, sb.out, "State: "+state+" (new)")
	for _, agent := range []string{"test-agent", "alice", "bob", "carol"} {
		assert.True(t, slicesContainsPrefix(sb.out, "  "+agent+" "), "prints %s and its key", agent)
	}

	feed := sb.cli(t, "feed", "3")
	require.Equal(t, 3, dataRows(feed.stdout), "%s", feed)
	postID := regexp.MustCompile(`(?m)^([0-9a-f-]{36}) `).FindStringSubmatch(feed.stdout)[1]
	sb.cli(t, "comment", postID, "Seen from the sandbox.")
	comments := sb.cli(t, "comments", postID)
	assert.Contains(t, comments.stdout, "Seen from the sandbox.")
	sb.cli(t, "dm", "send", "alice", "hi")
	list := sb.cli(t, "dm", "list")
	assert.Contains(t, list.stdout, "alice")

	// curl with a token from it
	resp, err := http.Post(sb.url+"/auth/token", "application/json", strings.NewReader(`{"api_key": "`+sb.key+`"}`))
	require.NoError(t, err)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&tok))
	resp.Body.Close()

	stopped := sb.stop()
	assert.Equal(t, exitOK, stopped.code, "%s", stopped)
	assert.Contains(t, stopped.stderr, "its state is in "+state)

	again := startSandbox(t, "--state", state)
	defer again.stop()
	assert.Contains(t, again.out, "State: "+state+" (restored)")
	assert.Equal(t, sb.key, again.key, "the agents keep their keys")
	comments = again.cli(t, "comments", postID)
	assert.Contains(t, comments.stdout, "Seen from the sandbox.")
	list = again.cli(t, "dm", "list")
	assert.Contains(t, list.stdout, "alice")
	read := again.cli(t, "dm", "read", "alice")
	assert.Contains(t, read.stdout, "hi")

	req, err := http.NewRequest(http.MethodGet, again.url+"/users/me", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, "a token from before the restart still works")
}

// TestSandboxSeedEmptyAndJSON: --seed empty has only the default agent;
// --json prints one document with the URL and the keys.
func TestSandboxSeedEmptyAndJSON(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- runContext(ctx, []string{"--json", "sandbox", "--addr", "127.0.0.1:0", "--seed", "empty"}, strings.NewReader(""), pw, io.Discard)
		pw.Close()
	}()
	var info sandboxInfo
	require.NoError(t, json.NewDecoder(pr).Decode(&info))
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	require.Len(t, info.Agents, 1)
	assert.Equal(t, "test-agent", info.Agents[0].Username)
	assert.True(t, strings.HasPrefix(info.URL, "http://127.0.0.1:"), info.URL)
	r := cli("", "--base-url", info.URL, "feed")
	requireOK(t, r)
	assert.Contains(t, r.stdout, "No posts")
	cancel()
	assert.Equal(t, exitOK, <-done)
}

// TestDemoNotFoundPointsToTheSandbox: --demo state lasts one command, and
// a not-found under --demo says so.
func TestDemoNotFoundPointsToTheSandbox(t *testing.T) {
	r := cli("", "--demo", "comments", "00000000-0000-4000-8000-000000000000")
	assert.Equal(t, exitNotFound, r.code, "%s", r)
	assert.Contains(t, r.stderr, "run 'colony sandbox' to keep state between commands")
}

func slicesContainsPrefix(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}
