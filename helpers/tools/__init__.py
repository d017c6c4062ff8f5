"""Command-line tools: the instructor guide, class links, presentation mode, control driving."""
