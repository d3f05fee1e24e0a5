"""The Arabic text layer: normal forms with offset maps, sentences, tokens and clitics."""
