from g7cli.cli import main

main()
