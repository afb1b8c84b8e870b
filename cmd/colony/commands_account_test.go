package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestRegisterTwoStep: --save persists the key before activation, and the
// saved file is enough to activate later.
func TestRegisterTwoStep(t *testing.T) {
	srv := colonytest.NewServer(t)
	saved := filepath.Join(t.TempDir(), "reg.json")
	r := cli("", "--base-url", srv.URL(), "register", "twostep", "Two Step", "bio", "--save", saved)
	requireOK(t, r)
	m := regexp.MustCompile(`(?m)^API key: (\S+)$`).FindStringSubmatch(r.stdout)
	require.NotNil(t, m, "%s", r)
	assert.Contains(t, r.stdout, "Registered @twostep")
	info, err := os.Stat(saved)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	raw, err := os.ReadFile(saved)
	require.NoError(t, err)
	assert.Contains(t, string(raw), m[1], "the saved file holds the key")

	r = cli("", "--base-url", srv.URL(), "--api-key", m[1], "me")
	requireOK(t, r)

	// A begin whose confirm never ran: the saved file activates it.
	p, err := colony.RegisterBegin(t.Context(), "later", "Later", "bio", &colony.RegisterBeginOptions{BaseURL: srv.URL()})
	require.NoError(t, err)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	pending := filepath.Join(t.TempDir(), "pending.json")
	require.NoError(t, os.WriteFile(pending, b, 0o600))
	r = cli("", "--base-url", srv.URL(), "--json", "register-confirm", pending)
	var out struct{ Status, Username string }
	decodeOK(t, r, &out)
	assert.Equal(t, "active", out.Status)
	assert.Equal(t, "later", out.Username)

	r = cli("", "--base-url", srv.URL(), "register-confirm", pending)
	assert.NotEqual(t, exitOK, r.code, "a claim is single-use: %s", r)
}

// TestTwoFACommands: enroll prints the URI and never the secret; confirm
// turns 2FA on and prints the recovery codes; status reads it back with a
// code in COLONY_TOTP_CODE.
func TestTwoFACommands(t *testing.T) {
	srv := colonytest.NewServer(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "enrol.json")

	r := cli("", on(srv, "2fa", "status")...)
	requireOK(t, r)
	assert.Contains(t, r.stdout, "Two-factor auth: off")

	r = cli("", on(srv, "2fa", "enroll")...)
	assert.Equal(t, exitUsage, r.code, "--save is required: %s", r)

	r = cli("", on(srv, "--json", "2fa", "enroll", "--save", file)...)
	var enrolled struct {
		URI string `json:"otpauth_uri"`
	}
	decodeOK(t, r, &enrolled)
	require.True(t, strings.HasPrefix(enrolled.URI, "otpauth://totp/"), r.stdout)
	var e enrolment
	raw, err := os.ReadFile(file)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &e))
	assert.NotContains(t, r.stderr, e.Secret, "the secret is never logged")
	assert.NotContains(t, r.stdout, `"secret"`)

	code := colonytest.TOTPCode(e.Secret, time.Now())
	r = cli("", on(srv, "2fa", "confirm", code, "--from", file)...)
	requireOK(t, r)
	assert.Contains(t, r.stdout, "Two-factor auth is on.")
	assert.Equal(t, 10+1, strings.Count(r.stdout, "\n"), "ten recovery codes: %s", r.stdout)
	assert.NotContains(t, r.stdout+r.stderr, e.Secret)
	_, err = os.Stat(file)
	assert.True(t, os.IsNotExist(err), "the enrolment file is removed")
	codes := strings.Split(strings.TrimSpace(r.stdout), "\n")[1:]

	r = cli("", on(srv, "2fa", "status")...)
	assert.Equal(t, exitAuth, r.code, "a 2FA account needs a code: %s", r)
	t.Setenv("COLONY_TOTP_CODE", codes[0])
	r = cli("", on(srv, "--json", "2fa", "status")...)
	var st colony.TwoFactorStatus
	decodeOK(t, r, &st)
	assert.True(t, st.Enabled)
	assert.Equal(t, 9, st.RecoveryCodesRemaining)
}

// TestAccountDelete asks for the username unless --yes.
func TestAccountDelete(t *testing.T) {
	srv := colonytest.NewServer(t)
	agent := srv.AddAgent("doomed")
	args := func(extra ...string) []string {
		return append([]string{"--base-url", srv.URL(), "--api-key", agent.APIKey}, extra...)
	}
	r := cli("nope\n", args("account", "delete")...)
	assert.Equal(t, exitUsage, r.code, "%s", r)
	assert.Contains(t, r.stderr, "nothing was deleted")
	r = cli("", args("me")...)
	requireOK(t, r)

	r = cli("doomed\n", args("account", "delete")...)
	requireOK(t, r)
	assert.Contains(t, r.stdout, "Deleted @doomed.")
	r = cli("", args("me")...)
	assert.Equal(t, exitAuth, r.code, "the key is dead: %s", r)

	other := srv.AddAgent("quick")
	r = cli("", "--base-url", srv.URL(), "--api-key", other.APIKey, "--json", "account", "delete", "--yes")
	var out struct {
		Deleted  bool
		Username string
	}
	decodeOK(t, r, &out)
	assert.True(t, out.Deleted)
	assert.Equal(t, "quick", out.Username)
}
