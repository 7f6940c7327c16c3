"""Questions asked of the index: name resolution, search ranking, and the operations behind the commands."""
