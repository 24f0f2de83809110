"""The two sites: their URLs, the links between them, robots.txt and sitemap.xml."""
