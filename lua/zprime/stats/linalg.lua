--- Small dense linear algebra for the statistics code (m:predict's Lua path, the form-factor
--- Monte Carlo of m:ff_error).
local M = {}

--- Lower-triangular L with L L^T = C for the k x k matrix C (nil: the identity), row by row.
--- A pivot that vanishes is an error, unless psd is true: then C is taken as positive
--- semi-definite (exactly dependent coefficients, as A0/A12 and T1/T2 at q2 = 0 in the B -> K*
--- form factors) and that column of L is zero.
function M.cholesky(C, k, psd)
  local L = {}
  for i = 1, k do
    L[i] = {}
    for j = 1, k do L[i][j] = 0 end
  end
  for i = 1, k do
    for j = 1, i do
      local s = C and C[i][j] or (i == j and 1 or 0)
      for p = 1, j - 1 do s = s - L[i][p] * L[j][p] end
      if i == j then
        local cii = C and C[i][i] or 1
        if psd and not (s > 1e-12 * cii) then
          L[i][i] = 0
        elseif not (s > 0) then
          error("the correlation matrix is not positive definite", 0)
        else
          L[i][i] = math.sqrt(s)
        end
      else
        L[i][j] = L[j][j] ~= 0 and s / L[j][j] or 0
      end
    end
  end
  return L
end

return M
