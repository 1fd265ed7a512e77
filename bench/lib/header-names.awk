# The diffs (bench/lib/needed-files.sh: of the update's headers) whose change
# declares or changes NAME (-v name=NAME): NAME on an added line, or on a
# context line that opens a prototype ('NAME(' with no ';' yet) that a
# changed line then continues, as in
#	 int nft_meta_get_dump(struct sk_buff *skb,
#	-		      const struct nft_expr *expr);
#	+		      const struct nft_expr *expr, bool reset);
# Prints each such file's name once.
BEGIN { w = "(^|[^A-Za-z0-9_])" name; word = w "([^A-Za-z0-9_]|$)"; call = w "[ \t]*\\(" }
FNR == 1 { open = 0; done = 0 }
done || /^(\+\+\+|---) / { next }
/^\+/ && $0 ~ word { done = 1 }
/^[-+]/ && open { done = 1 }
/^ / && $0 ~ call { open = 1 }
/[;{]/ { open = 0 }
done { print FILENAME }
