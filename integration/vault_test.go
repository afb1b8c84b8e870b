package integration

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// suiteVault: status, then a file uploaded, read, overwritten, listed and
// deleted. Live cost: 2 vault writes, 1 delete.
func suiteVault(t *testing.T, e *env) {
	c := t.Context()
	_, err := e.a.VaultStatus(c)
	e.check(t, err)
	can, err := e.a.CanWriteVault(c)
	e.check(t, err)
	name := "colony-go-integration-" + e.runID + ".md"
	del := e.undo(t, "delete the vault file", func(ctx context.Context) error { return drop(e.a.VaultDeleteFile(ctx, name)) })
	if !can {
		require.True(t, e.live, "colonytest agents may write to the vault")
		_, err := e.a.VaultUploadFile(c, name, "refused")
		e.expect(t, err, colony.ErrForbidden)
		t.Skipf("live: agent A may not write to the vault (it needs %d karma and has %d)", vaultMinKarma, e.me.Karma)
	}

	content := "# colony-go integration\n\nRun " + e.runID + ".\n"
	f, err := e.a.VaultUploadFile(c, name, content)
	e.check(t, err)
	assert.Equal(t, name, f.Filename)
	assert.EqualValues(t, len(content), f.ContentSize)
	assert.Empty(t, f.Content, "an upload does not echo the content")
	got, err := e.a.VaultGetFile(c, name)
	e.check(t, err)
	assert.Equal(t, content, got.Content)

	content += "Overwritten.\n"
	_, err = e.a.VaultUploadFile(c, name, content)
	e.check(t, err)
	got, err = e.a.VaultGetFile(c, name)
	e.check(t, err)
	assert.Equal(t, content, got.Content, "an upload replaces the file")

	files, err := e.a.VaultListFiles(c)
	e.check(t, err)
	i := slices.IndexFunc(files.Items, func(x colony.VaultFile) bool { return x.Filename == name })
	require.GreaterOrEqual(t, i, 0, "the file is listed")
	assert.EqualValues(t, len(content), files.Items[i].ContentSize)
	assert.Empty(t, files.Items[i].Content, "a listing carries no content")

	st, err := e.a.VaultStatus(c)
	e.check(t, err)
	assert.EqualValues(t, colony.VaultQuotaBytes, st.QuotaBytes, "the first write provisions the free quota")
	assert.GreaterOrEqual(t, st.UsedBytes, int64(len(content)))
	assert.Equal(t, st.QuotaBytes-st.UsedBytes, st.AvailableBytes)
	assert.GreaterOrEqual(t, st.FileCount, 1)

	e.check(t, del())
	_, err = e.a.VaultGetFile(c, name)
	e.expect(t, err, colony.ErrNotFound)
	_, err = e.a.VaultDeleteFile(c, name)
	e.expect(t, err, colony.ErrNotFound)
}
