module github.com/thecolony/colony-go

go 1.25.0
