"""The scale school: a large, made-up school for benchmarks (``seed_scale``).

Three courses of a couple of hundred items each, ten thousand learners, and
the records a busy year leaves behind: enrollments, completions, quiz
attempts, orders, evaluations, certificates and discussion posts. Everything
is drawn from one seeded ``random.Random``, so the same options give the same
school, and written with bulk inserts in batches.
"""
