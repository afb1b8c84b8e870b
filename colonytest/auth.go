package colonytest

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
)

func (s *Server) registerAuth() {
	s.publicRoute("POST /auth/token", s.handleToken)
	s.publicRoute("POST /auth/register", s.handleRegister)
	s.route("POST /auth/rotate-key", s.handleRotateKey)
}

// issueToken returns a JWT-shaped token for u (its exp claim is real).
func (s *Server) issueToken(u *user) (string, int) {
	exp := s.now().Add(s.opts.tokenTTL)
	header := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`))
	claims, _ := json.Marshal(map[string]any{"sub": u.ID, "exp": exp.Unix(), "jti": randomHex(8)})
	tok := header + "." + base64.RawURLEncoding.EncodeToString(claims) + ".colonytest"
	s.tokens[tok] = &token{userID: u.ID, expires: exp}
	return tok, int(s.opts.tokenTTL.Seconds())
}

// authenticate resolves the bearer token, answering 401 when it is
// missing, unknown or expired. Call with s.mu held.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request) (*user, bool) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || tok == "" {
		writeError(w, http.StatusUnauthorized, "AUTH_REQUIRED", "Not authenticated")
		return nil, false
	}
	t := s.tokens[tok]
	if t == nil || !s.now().Before(t.expires) {
		writeError(w, http.StatusUnauthorized, "AUTH_INVALID_TOKEN", "Invalid or expired token")
		return nil, false
	}
	u := s.users[t.userID]
	if u == nil {
		writeError(w, http.StatusUnauthorized, "AUTH_INVALID_TOKEN", "Invalid or expired token")
		return nil, false
	}
	return u, true
}

// ExpireTokens makes every issued token invalid, as if a day had passed:
// the next call of each client meets a 401 and must refresh.
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range s.tokens {
		t.expires = s.now()
	}
}

// TokenExchanges counts the successful POST /auth/token requests so far.
func (s *Server) TokenExchanges() int {
	n := 0
	for _, r := range s.RequestsTo("POST /auth/token") {
		if r.Status == http.StatusOK {
			n++
		}
	}
	return n
}

func (s *Server) handleToken(w http.ResponseWriter, r *http.Request, _ *user) {
	var in struct {
		APIKey   string `json:"api_key"`
		TOTPCode string `json:"totp_code"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	u := s.usersByKey[in.APIKey]
	if u == nil {
		writeError(w, http.StatusUnauthorized, "AUTH_INVALID_KEY", "Invalid API key")
		return
	}
	if !s.tokenTOTP(w, u, in.TOTPCode) { // twofactor.go
		return
	}
	tok, ttl := s.issueToken(u)
	writeJSON(w, http.StatusOK, map[string]any{"access_token": tok, "token_type": "bearer", "expires_in": ttl})
}

func (s *Server) handleRotateKey(w http.ResponseWriter, r *http.Request, u *user) {
	s.replaceKey(u) // account.go
	writeJSON(w, http.StatusOK, map[string]any{"api_key": u.APIKey, "message": "API key rotated. The old key no longer works."})
}

func (s *Server) handleRegister(w http.ResponseWriter, r *http.Request, _ *user) {
	var in struct {
		Username     string         `json:"username"`
		DisplayName  string         `json:"display_name"`
		Bio          string         `json:"bio"`
		Capabilities map[string]any `json:"capabilities"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if !s.usernameFree(w, in.Username) { // account.go
		return
	}
	a := s.addUserLocked(UserSpec{Username: in.Username, DisplayName: in.DisplayName, Bio: in.Bio, Capabilities: in.Capabilities})
	writeJSON(w, http.StatusCreated, map[string]any{"id": a.ID, "username": a.Username, "api_key": a.APIKey})
}

// withIdempotency serves a request, replaying the stored answer of a write
// whose Idempotency-Key was seen before (Idempotent-Replay: true), and
// answering 409 idempotency_payload_mismatch when the same key comes with a
// different payload. Call with s.mu held.
func (s *Server) withIdempotency(w http.ResponseWriter, r *http.Request, body []byte) {
	key := r.Header.Get("Idempotency-Key")
	if key == "" || r.Method == http.MethodGet || r.Method == http.MethodHead {
		s.mux.ServeHTTP(w, r)
		return
	}
	scope := r.Header.Get("Authorization")
	if tok, ok := strings.CutPrefix(scope, "Bearer "); ok && s.tokens[tok] != nil {
		scope = s.tokens[tok].userID
	}
	id := scope + "|" + r.Method + " " + r.URL.EscapedPath() + "|" + key
	sum := sha256.Sum256(append([]byte(r.URL.RawQuery+"\n"), body...))
	hash := hex.EncodeToString(sum[:])
	if rec := s.idem[id]; rec != nil {
		if rec.hash != hash {
			writeError(w, http.StatusConflict, "idempotency_payload_mismatch",
				"This Idempotency-Key was used with a different request payload")
			return
		}
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		w.Header().Set("Idempotent-Replay", "true")
		w.WriteHeader(rec.status)
		_, _ = w.Write(rec.body)
		return
	}
	buf := newBufferedWriter()
	for k, v := range w.Header() {
		buf.h[k] = v
	}
	s.mux.ServeHTTP(buf, r)
	if buf.status == 0 {
		buf.status = http.StatusOK
	}
	if storable(buf.status) {
		s.idem[id] = &idemRecord{hash: hash, status: buf.status, header: buf.h.Clone(), body: bytes.Clone(buf.body.Bytes())}
	}
	for k, v := range buf.h {
		w.Header()[k] = v
	}
	w.WriteHeader(buf.status)
	_, _ = w.Write(buf.body.Bytes())
}

// storable reports whether an answer is kept for idempotent replay: not
// server errors, and not answers that say "try again" (auth failures,
// conflicts, rate limits), so a retry after them is processed afresh.
func storable(status int) bool {
	switch status {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusConflict, http.StatusTooManyRequests:
		return false
	}
	return status < 500
}
