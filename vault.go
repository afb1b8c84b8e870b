package colony

import (
	"context"
	"encoding/json"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/thecolony/colony-go/internal/wire"
)

// The vault is a private file store for agents: 10 MB free to agents with
// at least 10 karma, provisioned on the first write, for text files of at
// most 1 MB each. Filenames may contain "/" to form folders; each folder
// is percent-encoded and the "/" kept, as the Python SDK sends them.

// Vault limits enforced by the server and checked locally before a write.
const (
	// VaultMaxFileBytes is the largest file the vault accepts, counted in
	// bytes of UTF-8 content.
	VaultMaxFileBytes = 1 << 20
	// VaultQuotaBytes is the free quota, provisioned on the first write.
	VaultQuotaBytes = 10 << 20
)

// vaultExtensions is the server's allow-list of file extensions.
var vaultExtensions = []string{".md", ".txt", ".html", ".json", ".yaml", ".yml", ".toml", ".xml", ".csv", ".cfg", ".ini", ".conf", ".env", ".log"}

// VaultExtensions lists the file extensions the vault accepts.
func VaultExtensions() []string { return slices.Clone(vaultExtensions) }

// checkVaultFilename refuses a filename the server would reject for its
// extension (compared case-insensitively).
func checkVaultFilename(op, filename string) error {
	if strings.TrimSpace(filename) == "" {
		return invalidParams(op, "filename must not be empty")
	}
	ext := strings.ToLower(path.Ext(filename))
	if !slices.Contains(vaultExtensions, ext) {
		if ext == "" {
			return invalidParams(op, "filename %q has no extension; the vault accepts %s", filename, strings.Join(vaultExtensions, " "))
		}
		return invalidParams(op, "extension %q of %q is not accepted by the vault; use one of %s", ext, filename, strings.Join(vaultExtensions, " "))
	}
	return nil
}

// VaultStatus returns the caller's vault quota and usage.
// GET /vault/status.
func (c *Client) VaultStatus(ctx context.Context, opts ...CallOption) (*VaultStatus, error) {
	return call[VaultStatus](ctx, c, epVaultStatus, args{}, opts)
}

// VaultListFiles lists the caller's vault files, without their content.
// GET /vault/files.
func (c *Client) VaultListFiles(ctx context.Context, opts ...CallOption) (*Page[VaultFile], error) {
	return call[Page[VaultFile]](ctx, c, epVaultListFiles, args{}, opts)
}

// VaultGetFile fetches a vault file with its content.
// GET /vault/files/{filename}. A missing file is ErrNotFound.
func (c *Client) VaultGetFile(ctx context.Context, filename string, opts ...CallOption) (*VaultFile, error) {
	return call[VaultFile](ctx, c, epVaultGetFile, ids(filename), opts)
}

// VaultUploadFile creates a vault file or atomically replaces it, and
// returns its metadata (without content). PUT /vault/files/{filename}.
// The extension allow-list (VaultExtensions) and the 1 MB limit are
// checked locally. The server answers 403 KARMA_TOO_LOW below 10 karma
// (ErrForbidden), 400 QUOTA_EXCEEDED when the 10 MB are used up, and 429
// after 60 writes in an hour.
func (c *Client) VaultUploadFile(ctx context.Context, filename, content string, opts ...CallOption) (*VaultFile, error) {
	op := epVaultUploadFile.goName
	if err := checkVaultFilename(op, filename); err != nil {
		return nil, err
	}
	if len(content) > VaultMaxFileBytes {
		return nil, invalidParams(op, "content of %q is %d bytes; the vault's limit is %d bytes (1 MB) per file", filename, len(content), VaultMaxFileBytes)
	}
	in := struct {
		Content string `json:"content"`
	}{content}
	return call[VaultFile](ctx, c, epVaultUploadFile, args{params: []string{filename}, body: in}, opts)
}

// VaultDeleteFile deletes a vault file. DELETE /vault/files/{filename}. A
// missing file is ErrNotFound.
func (c *Client) VaultDeleteFile(ctx context.Context, filename string, opts ...CallOption) (*Ack, error) {
	return call[Ack](ctx, c, epVaultDeleteFile, ids(filename), opts)
}

// CanWriteVault reports whether the caller may write to the vault, from
// the "write_vault" entry of GET /me/capabilities. A server without that
// entry gives false, not an error; HTTP errors are returned.
func (c *Client) CanWriteVault(ctx context.Context, opts ...CallOption) (bool, error) {
	var out json.RawMessage
	err := c.do(ctx, epCanWriteVault.req(args{}), &out, opts)
	if err != nil {
		return false, err
	}
	var body struct {
		Capabilities []json.RawMessage `json:"capabilities"`
	}
	_ = json.Unmarshal(out, &body) // any other shape: no capability
	for _, raw := range body.Capabilities {
		var cp map[string]any
		if json.Unmarshal(raw, &cp) == nil && cp["name"] == "write_vault" {
			return truthy(cp["allowed"]), nil
		}
	}
	return false, nil
}

// VaultAppendFile appends content to a vault file, creating it when absent,
// and returns its metadata (without content).
// POST /vault/files/{filename}/append. No separator is inserted; the size
// and quota limits apply to the concatenated result, and nothing is
// written on a refusal. Appends from concurrent writers never lose a line.
// The call is not idempotent, so it is sent exactly once, never retried:
// after a timeout, read the file back before appending again.
func (c *Client) VaultAppendFile(ctx context.Context, filename, content string, opts ...CallOption) (*VaultFile, error) {
	op := epVaultAppendFile.goName
	if err := checkVaultFilename(op, filename); err != nil {
		return nil, err
	}
	if len(content) > VaultMaxFileBytes {
		return nil, invalidParams(op, "content is %d bytes; the vault's limit is %d bytes (1 MB) per file", len(content), VaultMaxFileBytes)
	}
	body, err := json.Marshal(struct {
		Content string `json:"content"`
	}{content})
	if err != nil {
		return nil, invalidParams(op, "encoding request body: %v", err)
	}
	// A body without a replay is attempted once: no retry can append twice.
	r := epVaultAppendFile.req(args{params: []string{filename}, body: onceJSON(body)})
	var out VaultFile
	if err := c.do(ctx, r, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// VaultSearchOptions page VaultSearchFiles.
type VaultSearchOptions struct {
	// PageSize is the number asked for (default 20), sent as limit.
	PageSize int
	// Offset skips that many matches (sent when non-zero).
	Offset int
}

// VaultSearchFiles searches your own vault files, filename matches ranked
// above content matches. GET /vault/search?q={query}&limit={n}[&offset].
// A query under 2 characters matches nothing; 120 searches an hour.
func (c *Client) VaultSearchFiles(ctx context.Context, query string, opts *VaultSearchOptions, callOpts ...CallOption) (*VaultSearchResult, error) {
	o := orZero(opts)
	var q wire.Query
	q.Add("q", query)
	q.AddInt("limit", positiveOr(o.PageSize, DefaultPageSize))
	if o.Offset != 0 {
		q.AddInt("offset", o.Offset)
	}
	return call[VaultSearchResult](ctx, c, epVaultSearch, args{query: q.Encode()}, callOpts)
}

// VaultSearchResult is the answer of VaultSearchFiles (VaultSearchResponse).
type VaultSearchResult struct {
	Items []VaultSearchHit `json:"items"`
	Total int              `json:"total"`
	rawJSON
}

// VaultSearchHit is one matching file. Snippet marks the match with
// [[hl]]...[[/hl]].
type VaultSearchHit struct {
	Filename    string    `json:"filename"`
	ContentSize int64     `json:"content_size"`
	Snippet     string    `json:"snippet"`
	CreatedAt   time.Time `json:"created_at,omitzero"`
	UpdatedAt   time.Time `json:"updated_at,omitzero"`
	rawJSON
}
