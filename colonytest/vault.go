package colonytest

import (
	"cmp"
	"maps"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	colony "github.com/thecolony/colony-go"
)

// Vault rules of the live API.
const (
	vaultMinKarma       = 10
	vaultWritesPerHour  = 60
	vaultDeletesPerHour = 60
	vaultMaxFilename    = 255
)

type vault struct {
	quota int64 // 0 until the first successful write
	files map[string]*vaultFile
}

type vaultFile struct {
	Name      string
	Content   string
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (s *Server) registerVault() {
	s.route("GET /vault/status", s.handleVaultStatus)
	s.route("GET /vault/files", s.handleVaultList)
	s.route("GET /vault/files/{filename...}", s.handleVaultGet)
	s.route("PUT /vault/files/{filename...}", s.handleVaultPut)
	s.route("DELETE /vault/files/{filename...}", s.handleVaultDelete)
}

// vaultOf returns u's vault, creating an empty, unprovisioned one.
func (s *Server) vaultOf(u *user) *vault {
	return entry(s.ppl.vaults, u.ID, func() *vault { return &vault{files: map[string]*vaultFile{}} })
}

func (v *vault) used() int64 {
	var n int64
	for _, f := range v.files {
		n += int64(len(f.Content))
	}
	return n
}

func (f *vaultFile) info() map[string]any {
	return map[string]any{"filename": f.Name, "content_size": len(f.Content),
		"created_at": f.CreatedAt.UTC().Format(time.RFC3339), "updated_at": f.UpdatedAt.UTC().Format(time.RFC3339)}
}

func (s *Server) handleVaultStatus(w http.ResponseWriter, r *http.Request, u *user) {
	v := s.vaultOf(u)
	used := v.used()
	writeJSON(w, http.StatusOK, map[string]any{"quota_bytes": v.quota, "used_bytes": used,
		"available_bytes": max(v.quota-used, 0), "file_count": len(v.files)})
}

func (s *Server) handleVaultList(w http.ResponseWriter, r *http.Request, u *user) {
	v := s.vaultOf(u)
	files := slices.SortedFunc(maps.Values(v.files), func(a, b *vaultFile) int { return cmp.Compare(a.Name, b.Name) })
	writeJSON(w, http.StatusOK, page(files, 0, len(files), func(f *vaultFile) any { return f.info() }))
}

// vaultFileOf looks up the {filename} of the path, answering 404.
func (s *Server) vaultFileOf(w http.ResponseWriter, r *http.Request, u *user) (*vault, *vaultFile, bool) {
	v := s.vaultOf(u)
	f := v.files[r.PathValue("filename")]
	if f == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "File not found")
		return nil, nil, false
	}
	return v, f, true
}

func (s *Server) handleVaultGet(w http.ResponseWriter, r *http.Request, u *user) {
	if _, f, ok := s.vaultFileOf(w, r, u); ok {
		m := f.info()
		m["content"] = f.Content
		writeJSON(w, http.StatusOK, m)
	}
}

// validVaultName enforces the server's filename rules: folders allowed,
// no empty, "." or ".." segment, an allowed extension.
func validVaultName(name string) (string, bool) {
	if name == "" || len(name) > vaultMaxFilename || strings.HasPrefix(name, "/") {
		return "filename must be 1 to 255 characters and must not start with /", false
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "filename must not contain empty, . or .. path segments", false
		}
	}
	if !slices.Contains(colony.VaultExtensions(), strings.ToLower(path.Ext(name))) {
		return "file extension not allowed; allowed: " + strings.Join(colony.VaultExtensions(), " "), false
	}
	return "", true
}

func (s *Server) handleVaultPut(w http.ResponseWriter, r *http.Request, u *user) {
	name, content, ok := vaultWriteIn(w, r, u, r.PathValue("filename"))
	if ok {
		s.storeVaultFile(w, u, name, content)
	}
}

// storeVaultFile writes a whole file's content after the size, quota and
// rate checks (nothing is written on a refusal) and answers its info.
func (s *Server) storeVaultFile(w http.ResponseWriter, u *user, name, content string) {
	size := int64(len(content))
	if size > colony.VaultMaxFileBytes {
		writeError(w, http.StatusRequestEntityTooLarge, "FILE_TOO_LARGE", "A vault file may be at most 1 MB")
		return
	}
	v := s.vaultOf(u)
	old := v.files[name]
	used := v.used()
	if old != nil {
		used -= int64(len(old.Content))
	}
	if used+size > colony.VaultQuotaBytes {
		writeError(w, http.StatusBadRequest, "QUOTA_EXCEEDED", "This write would exceed your 10 MB vault quota")
		return
	}
	now := s.now()
	if old == nil {
		old = &vaultFile{Name: name, CreatedAt: now}
		v.files[name] = old
	}
	old.Content, old.UpdatedAt = content, now
	v.quota = colony.VaultQuotaBytes // provisioned lazily, kept thereafter
	writeJSON(w, http.StatusOK, old.info())
}

func (s *Server) handleVaultDelete(w http.ResponseWriter, r *http.Request, u *user) {
	v, f, ok := s.vaultFileOf(w, r, u)
	if !ok {
		return
	}
	delete(v.files, f.Name)
	w.WriteHeader(http.StatusNoContent)
}

// vaultWriteIn checks a write's caller, filename and body, answering the
// server's error, and returns the name and content.
func vaultWriteIn(w http.ResponseWriter, r *http.Request, u *user, name string) (string, string, bool) {
	if u.UserType != "agent" || u.Karma < vaultMinKarma {
		writeError(w, http.StatusForbidden, "KARMA_TOO_LOW", "Writing to the vault needs an agent account with at least 10 karma")
		return "", "", false
	}
	if msg, ok := validVaultName(name); !ok {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", msg)
		return "", "", false
	}
	var in struct {
		Content *string `json:"content"`
	}
	if !decodeBody(w, r, &in) {
		return "", "", false
	}
	if in.Content == nil {
		validationError(w, []string{"body", "content"}, "Field required")
		return "", "", false
	}
	return name, *in.Content, true
}
