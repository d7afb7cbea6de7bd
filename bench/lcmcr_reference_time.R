# Times LCMCR 0.4.14 itself on this machine, at the reference setting of
# ../shared/data/mse/REFERENCE.md (K = 10, a_alpha = b_alpha = 0.25, burn-in
# 10,000, 1,000 samples thinned by 100, seed 20240601), so that
# bench_lcmcr's figures can be compared on the same hardware
# (docs/ESTIMATION.md, "Speed").
#
# Not part of the build or of CI: R and LCMCR are not dependencies of
# uncounted. To run it (Debian 12, as root):
#   apt-get install r-base-core libgsl-dev
#   R CMD INSTALL -l /tmp/Rlib <LCMCR 0.4.14 source from CRAN>
#   Rscript bench/lcmcr_reference_time.R ../shared/data/mse Ned_5 1 /tmp/Rlib
# Arguments: data folder, table name, multiplier of every count (1, 1000,
# ...), the library folder LCMCR was installed into. Prints the elapsed
# seconds of lcmCR() (its 500 warm-up sweeps) plus lcmCR_PostSampl() (the
# 110,000 sweeps), and the posterior median and 95% interval, which for
# multiplier 1 must equal REFERENCE.md's (same seed, same GSL stream).
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 4) stop("usage: lcmcr_reference_time.R DATA_DIR TABLE MULTIPLIER R_LIB")
suppressMessages(library(LCMCR, lib.loc = args[4]))
table <- read.csv(file.path(args[1], paste0(args[2], ".csv")))
lists <- ncol(table) - 1
captures <- data.frame(lapply(table[seq_len(lists)], function(x) factor(x, levels = c(0, 1))))
captures$Freq <- table[[lists + 1]] * as.numeric(args[3])
start <- proc.time()
sampler <- lcmCR(captures, tabular = TRUE, in_list_label = "1", not_in_list_label = "0",
                 K = 10, a_alpha = 0.25, b_alpha = 0.25, seed = 20240601, verbose = FALSE)
draws <- lcmCR_PostSampl(sampler, burnin = 10000, samples = 1000, thinning = 100,
                         output = FALSE)
seconds <- (proc.time() - start)[["elapsed"]]
cat(sprintf("%s x%s: %.2f s  median %.0f (%.0f-%.0f)\n", args[2], args[3], seconds,
            median(draws), quantile(draws, 0.025), quantile(draws, 0.975)))
