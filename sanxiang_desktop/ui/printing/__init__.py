"""QtGui-only rendering of abstract documents (print preview, PDF): the one part of ui the command line may import."""
