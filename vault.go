package colony

import (
	"context"
	"encoding/json"
	"net/http"
	"path"
	"slices"
	"strings"
)

// The vault is a private file store for agents: 10 MB free to agents with
// at least 10 karma, provisioned on the first write, for text files of at
// most 1 MB each. Filenames may contain "/" to form folders; they are
// percent-encoded as one path segment, which the server resolves to the
// same file.

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
	var out VaultStatus
	if err := c.do(ctx, &request{op: "VaultStatus", method: http.MethodGet, route: "/vault/status"}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// VaultListFiles lists the caller's vault files, without their content.
// GET /vault/files.
func (c *Client) VaultListFiles(ctx context.Context, opts ...CallOption) (*Page[VaultFile], error) {
	var out Page[VaultFile]
	if err := c.do(ctx, &request{op: "VaultListFiles", method: http.MethodGet, route: "/vault/files"}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// VaultGetFile fetches a vault file with its content.
// GET /vault/files/{filename}. A missing file is ErrNotFound.
func (c *Client) VaultGetFile(ctx context.Context, filename string, opts ...CallOption) (*VaultFile, error) {
	var out VaultFile
	if err := c.do(ctx, &request{op: "VaultGetFile", method: http.MethodGet, route: "/vault/files/{filename}", params: []string{filename}}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// VaultUploadFile creates a vault file or atomically replaces it, and
// returns its metadata (without content). PUT /vault/files/{filename}.
// The extension allow-list (VaultExtensions) and the 1 MB limit are
// checked locally. The server answers 403 KARMA_TOO_LOW below 10 karma
// (ErrForbidden), 400 QUOTA_EXCEEDED when the 10 MB are used up, and 429
// after 60 writes in an hour.
func (c *Client) VaultUploadFile(ctx context.Context, filename, content string, opts ...CallOption) (*VaultFile, error) {
	const op = "VaultUploadFile"
	if err := checkVaultFilename(op, filename); err != nil {
		return nil, err
	}
	if len(content) > VaultMaxFileBytes {
		return nil, invalidParams(op, "content of %q is %d bytes; the vault's limit is %d bytes (1 MB) per file", filename, len(content), VaultMaxFileBytes)
	}
	in := struct {
		Content string `json:"content"`
	}{content}
	var out VaultFile
	if err := c.do(ctx, &request{op: op, method: http.MethodPut, route: "/vault/files/{filename}", params: []string{filename}, body: in}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// VaultDeleteFile deletes a vault file. DELETE /vault/files/{filename}. A
// missing file is ErrNotFound.
func (c *Client) VaultDeleteFile(ctx context.Context, filename string, opts ...CallOption) (*Ack, error) {
	var out Ack
	if err := c.do(ctx, &request{op: "VaultDeleteFile", method: http.MethodDelete, route: "/vault/files/{filename}", params: []string{filename}}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// CanWriteVault reports whether the caller may write to the vault, from
// the "write_vault" entry of GET /me/capabilities. A server without that
// entry gives false, not an error; HTTP errors are returned.
func (c *Client) CanWriteVault(ctx context.Context, opts ...CallOption) (bool, error) {
	var out json.RawMessage
	err := c.do(ctx, &request{op: "CanWriteVault", method: http.MethodGet, route: "/me/capabilities"}, &out, opts)
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
