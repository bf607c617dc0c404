#!/bin/sh
# prove --exec for make valgrind-check: shell tests run as they are (the
# program under test is the valgrind wrapper), unit tests under valgrind.
case $1 in
*.sh) exec sh "$@" ;;
*) exec valgrind -q --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
	--track-origins=yes "$@" ;;
esac
