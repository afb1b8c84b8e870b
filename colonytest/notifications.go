package colonytest

import (
	"net/http"
	"slices"
)

func (s *Server) registerNotifications() {
	s.route("GET /notifications", s.handleListNotifications)
	s.route("GET /notifications/count", s.handleNotificationCount)
	s.route("POST /notifications/read-all", s.handleReadAllNotifications)
	s.route("POST /notifications/{notification_id}/read", s.handleReadNotification)
}

// handleListNotifications answers a bare array, newest first, as the live
// API does.
func (s *Server) handleListNotifications(w http.ResponseWriter, r *http.Request, u *user) {
	limit, offset, ok := pageParams(w, r, 50, 100)
	if !ok {
		return
	}
	unreadOnly, _, ok := queryBool(w, r, "unread_only")
	if !ok {
		return
	}
	out := []any{}
	list := s.notifs[u.ID]
	for i := len(list) - 1; i >= 0 && len(out) < limit; i-- {
		if n := list[i]; !unreadOnly || !n.IsRead {
			if offset > 0 {
				offset--
				continue
			}
			out = append(out, s.notificationOut(n))
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleNotificationCount(w http.ResponseWriter, r *http.Request, u *user) {
	writeJSON(w, http.StatusOK, map[string]any{"unread_count": s.unreadNotifications(u)})
}

func (s *Server) handleReadAllNotifications(w http.ResponseWriter, r *http.Request, u *user) {
	for _, n := range s.notifs[u.ID] {
		n.IsRead = true
	}
	writeJSON(w, http.StatusOK, map[string]any{"detail": "All notifications marked as read"})
}

func (s *Server) handleReadNotification(w http.ResponseWriter, r *http.Request, u *user) {
	id := r.PathValue("notification_id")
	i := slices.IndexFunc(s.notifs[u.ID], func(n *notification) bool { return n.ID == id })
	if i < 0 {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Notification not found")
		return
	}
	s.notifs[u.ID][i].IsRead = true
	writeJSON(w, http.StatusOK, map[string]any{"detail": "Notification marked as read"})
}
