package colony_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// TestVaultSession walks a vault's life: status before and after the first
// upload (the quota appears), list, get, overwrite, delete; a disallowed
// extension and an oversized file fail locally.
func TestVaultSession(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()

	st, err := c.VaultStatus(ctx)
	require.NoError(t, err)
	assert.Equal(t, colony.VaultStatus{}.QuotaBytes, st.QuotaBytes, "no quota before the first write")
	assert.Zero(t, st.FileCount)

	ok, err := c.CanWriteVault(ctx)
	require.NoError(t, err)
	assert.True(t, ok)

	info, err := c.VaultUploadFile(ctx, "notes.md", "# hi\n")
	require.NoError(t, err)
	assert.Equal(t, "notes.md", info.Filename)
	assert.Equal(t, int64(5), info.ContentSize)
	assert.Empty(t, info.Content, "uploads do not echo the content")
	assert.False(t, info.CreatedAt.IsZero())
	assert.Equal(t, `{"content":"# hi\n"}`, string(srv.RequestsTo("PUT /vault/files/{filename...}")[0].Body))

	st, err = c.VaultStatus(ctx)
	require.NoError(t, err)
	assert.Equal(t, int64(colony.VaultQuotaBytes), st.QuotaBytes, "the first write provisions 10 MB")
	assert.Equal(t, int64(5), st.UsedBytes)
	assert.Equal(t, int64(colony.VaultQuotaBytes-5), st.AvailableBytes)
	assert.Equal(t, 1, st.FileCount)

	_, err = c.VaultUploadFile(ctx, "logs/2026-11-28.log", "started\n")
	require.NoError(t, err)
	assert.Equal(t, "/vault/files/logs/2026-11-28.log", srv.RequestsTo("PUT /vault/files/{filename...}")[1].Path,
		"each folder escaped, the / kept (contract §2.5)")

	list, err := c.VaultListFiles(ctx)
	require.NoError(t, err)
	require.Len(t, list.Items, 2)
	assert.Equal(t, "logs/2026-11-28.log", list.Items[0].Filename)
	assert.Equal(t, "notes.md", list.Items[1].Filename)
	assert.Empty(t, list.Items[1].Content, "listings carry no content")

	f, err := c.VaultGetFile(ctx, "notes.md")
	require.NoError(t, err)
	assert.Equal(t, "# hi\n", f.Content)
	folder, err := c.VaultGetFile(ctx, "logs/2026-11-28.log")
	require.NoError(t, err)
	assert.Equal(t, "started\n", folder.Content, "the server resolves %2F to the folder")

	_, err = c.VaultUploadFile(ctx, "notes.md", "# hello again\n")
	require.NoError(t, err)
	f, err = c.VaultGetFile(ctx, "notes.md")
	require.NoError(t, err)
	assert.Equal(t, "# hello again\n", f.Content, "an upload overwrites")
	st, err = c.VaultStatus(ctx)
	require.NoError(t, err)
	assert.Equal(t, int64(14+8), st.UsedBytes)

	_, err = c.VaultDeleteFile(ctx, "notes.md")
	require.NoError(t, err)
	_, err = c.VaultGetFile(ctx, "notes.md")
	assert.ErrorIs(t, err, colony.ErrNotFound)
	_, err = c.VaultDeleteFile(ctx, "notes.md")
	assert.ErrorIs(t, err, colony.ErrNotFound)

	srv.ResetRequests()
	_, err = c.VaultUploadFile(ctx, "payload.exe", "MZ")
	assert.ErrorIs(t, err, colony.ErrInvalidParams)
	assert.ErrorContains(t, err, `".exe"`)
	_, err = c.VaultUploadFile(ctx, "huge.txt", strings.Repeat("x", colony.VaultMaxFileBytes+1))
	assert.ErrorIs(t, err, colony.ErrInvalidParams)
	assert.Empty(t, srv.Requests(), "both failed locally")

	_, err = c.VaultUploadFile(ctx, "exactly.txt", strings.Repeat("é", colony.VaultMaxFileBytes/2))
	require.NoError(t, err, "the limit counts UTF-8 bytes: 1 MiB exactly is accepted")
	st, err = c.VaultStatus(ctx)
	require.NoError(t, err)
	assert.Equal(t, int64(colony.VaultQuotaBytes), st.QuotaBytes, "the quota stays")
}

func TestVaultServerRules(t *testing.T) {
	srv := colonytest.NewServer(t)
	ctx := t.Context()
	poor := srv.AddUser(colonytest.UserSpec{Username: "newbie", Karma: 9})
	c := srv.ClientFor(t, poor)

	can, err := c.CanWriteVault(ctx)
	require.NoError(t, err)
	assert.False(t, can)
	_, err = c.VaultUploadFile(ctx, "a.md", "x")
	assert.ErrorIs(t, err, colony.ErrForbidden)
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "KARMA_TOO_LOW", apiErr.Code)
	_, err = c.VaultStatus(ctx)
	require.NoError(t, err, "reads are not gated")

	srv.SetKarma("newbie", 10)
	_, err = c.VaultUploadFile(ctx, "a.md", "x")
	require.NoError(t, err)

	// The server's own checks, for clients that skip the local ones.
	_, err = c.Raw(ctx, "PUT", "/vault/files/a.exe", map[string]string{"content": "x"})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "INVALID_INPUT", apiErr.Code)
	_, err = c.Raw(ctx, "PUT", "/vault/files/logs%2F%2Fa.md", map[string]string{"content": "x"})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "INVALID_INPUT", apiErr.Code, "an empty folder segment")
	_, err = c.Raw(ctx, "PUT", "/vault/files/b.md", map[string]string{})
	assert.ErrorIs(t, err, colony.ErrValidation, "content is required")
	_, err = c.Raw(ctx, "PUT", "/vault/files/big.txt", map[string]string{"content": strings.Repeat("x", colony.VaultMaxFileBytes+1)})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusRequestEntityTooLarge, apiErr.StatusCode, "over 1 MB")

	for i := range 10 {
		_, err = c.VaultUploadFile(ctx, "part"+string(rune('a'+i))+".txt", strings.Repeat("y", colony.VaultMaxFileBytes))
		if err != nil {
			break
		}
	}
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "QUOTA_EXCEEDED", apiErr.Code, "10 MB in total")
}

func TestCanWriteVaultShapes(t *testing.T) {
	cases := map[string]struct {
		body string
		want bool
	}{
		"allowed":        {`{"capabilities":[{"name":"create_post","allowed":false},{"name":"write_vault","allowed":true}],"karma":12}`, true},
		"denied":         {`{"capabilities":[{"name":"write_vault","allowed":false,"reason":"Need 10 karma.","requirement":{"min_karma":10}}]}`, false},
		"first wins":     {`{"capabilities":[{"name":"write_vault","allowed":false},{"name":"write_vault","allowed":true}]}`, false},
		"truthy allowed": {`{"capabilities":[{"name":"write_vault","allowed":1}]}`, true},
		"absent":         {`{"capabilities":[{"name":"create_post","allowed":true}]}`, false},
		"old server":     {`{"karma":50}`, false},
		"odd shape":      {`{"capabilities":{"write_vault":true}}`, false},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := jsonAnswerClient(t, tc.body).CanWriteVault(t.Context())
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
