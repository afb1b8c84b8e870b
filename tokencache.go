package colony

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// The on-disk JWT cache shares its layout with the Python SDK (1.11.2 and
// later), so Go and Python clients on one machine reuse each other's tokens
// and spare the per-IP limit on POST /auth/token:
//
//   - directory: $COLONY_SDK_TOKEN_CACHE_DIR, else the user cache directory +
//     "colony-sdk" (Windows: %LOCALAPPDATA%\colony-sdk\Cache);
//   - file: the first 16 hex characters of sha256("<base_url>|<api_key>") +
//     ".json";
//   - content: {"v": 1, "token": "<jwt>", "expiry": <unix seconds>}, mode
//     0600, written to a temporary file and renamed into place.
//
// COLONY_SDK_NO_TOKEN_CACHE=1 (or true/yes) turns it off whatever the
// options say. Every I/O or parse problem is a miss, never an error: a
// corrupt, oversized, symlinked or wrongly typed file is ignored.

// maxCacheFile bounds how much of a cache file is read.
const maxCacheFile = 64 << 10

// cacheMargin is how long a cached token must still be valid to be used.
const cacheMargin = 60 * time.Second

type diskCache struct{ dir string }

// tokenCacheDisabledByEnv reports the COLONY_SDK_NO_TOKEN_CACHE kill switch.
func tokenCacheDisabledByEnv() bool {
	switch strings.ToLower(strings.TrimSpace(os.Getenv("COLONY_SDK_NO_TOKEN_CACHE"))) {
	case "1", "true", "yes":
		return true
	}
	return false
}

// defaultTokenCacheDir follows the Python SDK's directory rules.
func defaultTokenCacheDir() (string, error) {
	if d := os.Getenv("COLONY_SDK_TOKEN_CACHE_DIR"); d != "" {
		return d, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	if runtime.GOOS == "windows" {
		return filepath.Join(base, "colony-sdk", "Cache"), nil
	}
	return filepath.Join(base, "colony-sdk"), nil
}

// tokenCacheFileName is the file name for a base URL and key.
func tokenCacheFileName(baseURL, apiKey string) string {
	sum := sha256.Sum256([]byte(baseURL + "|" + apiKey))
	return hex.EncodeToString(sum[:])[:16] + ".json"
}

func (d *diskCache) path(baseURL, apiKey string) string {
	return filepath.Join(d.dir, tokenCacheFileName(baseURL, apiKey))
}

type cacheFile struct {
	V      int     `json:"v"`
	Token  string  `json:"token"`
	Expiry float64 `json:"expiry"`
}

// load returns a cached token that is valid for at least another minute.
func (d *diskCache) load(baseURL, apiKey string, now time.Time) (string, time.Time, bool) {
	if d == nil {
		return "", time.Time{}, false
	}
	p := d.path(baseURL, apiKey)
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxCacheFile {
		return "", time.Time{}, false
	}
	f, err := os.Open(p)
	if err != nil {
		return "", time.Time{}, false
	}
	defer f.Close()
	// Refuse a file swapped for a link between Lstat and Open.
	if got, err := f.Stat(); err != nil || !os.SameFile(info, got) {
		return "", time.Time{}, false
	}
	data, err := io.ReadAll(io.LimitReader(f, maxCacheFile+1))
	if err != nil || len(data) > maxCacheFile {
		return "", time.Time{}, false
	}
	var cf cacheFile
	if json.Unmarshal(data, &cf) != nil || cf.Token == "" {
		return "", time.Time{}, false
	}
	sec := int64(cf.Expiry)
	exp := time.Unix(sec, int64((cf.Expiry-float64(sec))*1e9))
	if !exp.After(now.Add(cacheMargin)) {
		return "", time.Time{}, false
	}
	return cf.Token, exp, true
}

// save writes the token atomically with mode 0600. Failures are ignored.
func (d *diskCache) save(baseURL, apiKey, token string, expiry time.Time) {
	if d == nil {
		return
	}
	data, err := json.Marshal(cacheFile{V: 1, Token: token, Expiry: float64(expiry.UnixNano()) / 1e9})
	if err != nil {
		return
	}
	if os.MkdirAll(d.dir, 0o700) != nil {
		return
	}
	p := d.path(baseURL, apiKey)
	tmp, err := os.CreateTemp(d.dir, filepath.Base(p)+".tmp*") // created 0600
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Chmod(tmp.Name(), 0o600) != nil || os.Rename(tmp.Name(), p) != nil {
		_ = os.Remove(tmp.Name())
	}
}

// remove deletes the cache file of a key. Failures are ignored.
func (d *diskCache) remove(baseURL, apiKey string) {
	if d == nil {
		return
	}
	_ = os.Remove(d.path(baseURL, apiKey))
}
