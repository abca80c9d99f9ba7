package main

import (
	"fmt"
	"io"
	"os"

	"cablereader/output"
	"cablereader/parser"
)

func main() {
	data, err := io.ReadAll(os.Stdin)
	if len(os.Args) > 1 && os.Args[len(os.Args)-1] != "-" {
		data, err = os.ReadFile(os.Args[len(os.Args)-1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "cablereader:", err)
		os.Exit(1)
	}
	c := parser.Parse(data)
	if err := output.JSON(os.Stdout, c); err != nil {
		fmt.Fprintln(os.Stderr, "cablereader:", err)
		os.Exit(1)
	}
}
