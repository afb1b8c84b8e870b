package colonytest

import (
	"net/http"
	"slices"
)

// Acknowledging and deleting notifications in batches (contract §5.11).

// Batch limits of the live API.
const (
	notificationBatchMax     = 100
	notificationBatchPerHour = 60
)

func (s *Server) registerNotificationBatches() {
	s.route("POST /notifications/read", s.notificationBatch("notification_read_batch", func(n *notification) bool {
		n.IsRead = true
		return false
	}))
	s.route("POST /notifications/delete", s.notificationBatch("notification_delete_batch", func(*notification) bool { return true }))
	s.route("DELETE /notifications/{notification_id}", s.handleDeleteNotification)
	s.route("POST /notifications/delete-read", s.handleDeleteRead)
}

func (s *Server) unreadNotifications(u *user) int {
	n := 0
	for _, x := range s.notifs[u.ID] {
		if !x.IsRead {
			n++
		}
	}
	return n
}

// notificationBatch applies f to each of the caller's notifications named
// in {"ids": [...]} (at most 100; unknown, foreign and repeated ids are
// ignored); f returns true to delete the row.
func (s *Server) notificationBatch(kind string, f func(*notification) bool) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, u *user) {
		var in struct {
			IDs []string `json:"ids"`
		}
		if !decodeBody(w, r, &in) {
			return
		}
		if len(in.IDs) == 0 || len(in.IDs) > notificationBatchMax {
			validationError(w, []string{"body", "ids"}, "ids must hold 1 to 100 ids")
			return
		}
		s.notifs[u.ID] = slices.DeleteFunc(s.notifs[u.ID], func(n *notification) bool {
			return slices.Contains(in.IDs, n.ID) && f(n)
		})
		unread := s.unreadNotifications(u)
		writeJSON(w, http.StatusOK, map[string]any{"unread_notifications": unread, "unread_count": unread})
	}
}

// handleDeleteNotification answers 204 whether or not the id was the
// caller's: no existence oracle.
func (s *Server) handleDeleteNotification(w http.ResponseWriter, r *http.Request, u *user) {
	id := r.PathValue("notification_id")
	s.notifs[u.ID] = slices.DeleteFunc(s.notifs[u.ID], func(n *notification) bool { return n.ID == id })
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleDeleteRead(w http.ResponseWriter, r *http.Request, u *user) {
	before := len(s.notifs[u.ID])
	s.notifs[u.ID] = slices.DeleteFunc(s.notifs[u.ID], func(n *notification) bool { return n.IsRead })
	writeJSON(w, http.StatusOK, map[string]any{"deleted": before - len(s.notifs[u.ID])})
}
