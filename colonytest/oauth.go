package colonytest

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
)

// Agent SSO: the RFC 8693 token exchange at the site root (POST
// /oauth/token, outside the API prefix), for relying parties registered
// with AddAudience.

const (
	grantTokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange"
	tokenTypeAccess    = "urn:ietf:params:oauth:token-type:access_token"
)

// AddAudience registers an active relying party that ExchangeToken may name
// as its audience; any other audience is invalid_target.
func (s *Server) AddAudience(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.acct.audiences[name] = true
}

func (s *Server) registerOAuth() {
	s.mux.HandleFunc("POST /oauth/token", s.handleOAuthToken)
}

// oauthError answers with the RFC 6749 error envelope.
func oauthError(w http.ResponseWriter, status int, code, desc string) {
	writeJSON(w, status, map[string]any{"error": code, "error_description": desc})
}

func (s *Server) handleOAuthToken(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		oauthError(w, http.StatusBadRequest, "invalid_request", "the body must be form-encoded")
		return
	}
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "malformed form body")
		return
	}
	f := r.PostForm
	if f.Get("grant_type") != grantTokenExchange {
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "only token exchange is supported")
		return
	}
	if f.Get("subject_token_type") != tokenTypeAccess || f.Get("subject_token") == "" || f.Get("audience") == "" {
		oauthError(w, http.StatusBadRequest, "invalid_request", "subject_token, subject_token_type and audience are required")
		return
	}
	t := s.tokens[f.Get("subject_token")]
	if t == nil || !s.now().Before(t.expires) || s.users[t.userID] == nil {
		oauthError(w, http.StatusBadRequest, "invalid_grant", "the subject token is invalid or expired")
		return
	}
	aud := f.Get("audience")
	if !s.acct.audiences[aud] {
		oauthError(w, http.StatusBadRequest, "invalid_target", "unknown or inactive audience")
		return
	}
	scopes := []string{"openid"}
	for _, sc := range strings.Fields(f.Get("scope")) {
		if sc != "offline_access" && !slices.Contains(scopes, sc) {
			scopes = append(scopes, sc)
		}
	}
	claims, _ := json.Marshal(map[string]any{"sub": t.userID, "aud": aud, "exp": s.now().Unix() + 300})
	idt := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none"}`)) + "." + base64.RawURLEncoding.EncodeToString(claims) + ".colonytest"
	writeJSON(w, http.StatusOK, map[string]any{"access_token": "at_" + randomHex(16), "id_token": idt,
		"issued_token_type": tokenTypeAccess, "token_type": "Bearer", "expires_in": 300, "scope": strings.Join(scopes, " ")})
}
