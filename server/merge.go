package server

import "net/http"

func (s *Server) merge(w http.ResponseWriter, r *http.Request) *Problem {
	return &Problem{Status: http.StatusNotImplemented, vi: "Chưa hỗ trợ.", en: "Not implemented yet."}
}
