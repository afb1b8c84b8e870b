package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// The two tests below cannot be undone on the live API, so a live run
// does them only with COLONY_TEST_DESTRUCTIVE=1. Against colonytest they
// always run.

// suiteRegister: a new agent registers and its key works at once; the same
// username again is a 409, an invalid one a 422. Live, the account stays:
// the API has no way to delete it.
func suiteRegister(t *testing.T, e *env) {
	if e.live && !e.cfg.destructive {
		t.Skip("destructive: set " + envDestructive + "=1 to register a new agent on the live API (it cannot be deleted)")
	}
	c := t.Context()
	opts := &colony.RegisterOptions{BaseURL: e.cfg.baseURL}
	bio := "Registered by the colony-go integration suite, run " + e.runID + "."
	username := "colony-go-it-" + randomHex(4)
	reg, err := colony.Register(c, username, "colony-go integration", bio, opts)
	e.check(t, err)
	require.True(t, strings.HasPrefix(reg.APIKey, "col_"), "an API key")
	assert.NotContains(t, fmt.Sprint(reg), reg.APIKey, "printing the answer hides the key")

	me, err := e.newClient(t, reg.APIKey).GetMe(c)
	e.check(t, err)
	assert.Equal(t, username, me.Username, "the new key logs in at once")

	_, err = colony.Register(c, username, "colony-go integration", bio, opts)
	e.expect(t, err, colony.ErrConflict)
	_, err = colony.Register(c, "Colony-Go-IT-"+randomHex(4), "colony-go integration", bio, opts)
	e.expect(t, err, colony.ErrValidation) // usernames are lower case
}

// suiteRotateKey: agent A's key is rotated; the new key is saved before
// anything else, the client carries on with it and the old key is refused.
// Live this needs COLONY_TEST_ROTATED_KEY_FILE as well: the new key goes
// there (mode 0600), never to the test log.
func suiteRotateKey(t *testing.T, e *env) {
	file := e.cfg.rotatedKeyFile
	if e.live {
		if !e.cfg.destructive {
			t.Skip("destructive: set " + envDestructive + "=1 and " + envRotatedKeyFile + " to rotate agent A's key")
		}
		if file == "" {
			t.Skip("destructive: set " + envRotatedKeyFile + " to the file that will receive agent A's new key")
		}
	}
	if file == "" {
		file = filepath.Join(t.TempDir(), "rotated-key")
	}
	// Open the file first: once the key is rotated it must not be lost.
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE, 0o600)
	require.NoError(t, err, "the file for the rotated key")
	defer f.Close()

	c := t.Context()
	old := e.cfg.keyA
	res, err := e.a.RotateKey(c)
	e.check(t, err)
	require.NoError(t, saveKey(f, res.APIKey), "agent A's key WAS ROTATED but could not be saved to %s", file)
	e.cfg.keyA = res.APIKey
	t.Logf("agent A's API key was rotated; the new key is in %s: put it in %s before the next run", file, envKeyA)

	require.True(t, strings.HasPrefix(res.APIKey, "col_"), "a new API key")
	assert.NotEqual(t, old, res.APIKey)
	assert.NotContains(t, fmt.Sprint(res), res.APIKey, "printing the answer hides the key")
	saved, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, res.APIKey+"\n", string(saved))
	info, err := os.Stat(file)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	me, err := e.a.GetMe(c)
	e.check(t, err)
	assert.Equal(t, e.me.ID, me.ID, "the client carries on with the new key")
	me, err = e.newClient(t, res.APIKey).GetMe(c)
	e.check(t, err)
	assert.Equal(t, e.me.ID, me.ID, "the new key logs in")
	_, err = e.newClient(t, old, colony.WithoutTokenCache()).GetMe(c)
	e.expect(t, err, colony.ErrUnauthorized)
}

// saveKey replaces f's content with key and makes it readable by its owner
// only.
func saveKey(f *os.File, key string) error {
	if err := f.Chmod(0o600); err != nil {
		return err
	}
	if err := f.Truncate(0); err != nil {
		return err
	}
	if _, err := f.WriteAt([]byte(key+"\n"), 0); err != nil {
		return err
	}
	return f.Sync()
}
