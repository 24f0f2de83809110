"""The Pagefind search index of each site."""
